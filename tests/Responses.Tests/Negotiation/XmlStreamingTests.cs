using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>
/// A large XML body goes out as it is written, flushed to the connection every 32 KiB or so with its back-pressure
/// applied, as JSON does: the server never holds more than a bounded amount however large the body. A counting body
/// feature (<see cref="BodyRecorder"/>) measures what the serializer left unflushed, and a client that stops reading
/// shows the serializer waiting for it instead of running ahead.
/// </summary>
public sealed class XmlStreamingTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Well above what the client's and server's socket buffers can take while the client is not reading.
    private const int Records = 250_000;
    private const int Products = 120_000;

    // The flush threshold (32 KiB) plus one element and the XML writer's own buffer, with room to spare.
    private const long MaxHeld = 96 * 1024;

    private readonly BodyRecorder _recorder = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(app =>
        {
            _recorder.Install(app);
            app.MapGet("/records", () => Respond.Negotiated(Customers(Records)));
            app.MapGet("/nested", () => Respond.Negotiated(new Catalogue("big", Lines(Records))));
            app.MapGet("/products", () => Respond.Negotiated(ProductList(Products)));
            app.MapGet("/sample/list", () => Respond.Negotiated(SampleProducts()));
            app.MapGet("/sample/array", () => Respond.Negotiated(SampleProducts().ToArray()));
            app.MapGet("/sample/renamed", () => Respond.Negotiated(new List<RenamedItem?> { new() { Id = 1 }, null, new() { Id = 2 } }));
            app.MapGet("/sample/strings", () => Respond.Negotiated(new List<string?> { "a", null, "c" }));
            app.MapGet("/sample/numbers", () => Respond.Negotiated(new[] { 1, 2, 3 }));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static IEnumerable<Customer> Customers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new Customer(i, "First" + i, "Last" + i);
        }
    }

    private static IEnumerable<OrderLine> Lines(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new OrderLine("SKU-" + i, i % 7, i / 100m);
        }
    }

    private static List<Product> ProductList(int count)
    {
        var list = new List<Product>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(new Product { Id = i, Name = "Product " + i, Tags = ["a", "b"] });
        }

        return list;
    }

    private static List<Product?> SampleProducts() =>
        [new Product { Id = 1, Name = "Kettle", Tags = ["tea"] }, null, new Product { Id = 2, Name = "Pot <&>" }];

    [Theory]
    [InlineData("/records", "ArrayOfCustomer", "Customer", Records)]
    [InlineData("/nested", "Catalogue", "OrderLine", Records)]
    [InlineData("/products", "ArrayOfProduct", "Product", Products)]
    public async Task LargeBody_ClientReadsSlowly_ServerWaitsAndHoldsBoundedAmount(string path, string root, string item, int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var client = SlowReaderClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, bound.Token);
        var record = await _recorder.NextAsync("GET", path);

        // The client has read nothing past the headers: the serializer must end up waiting for it, having produced a
        // small part of the body, rather than serializing everything into memory.
        await record.FlushWaited.WaitAsync(bound.Token);
        var producedWhileWaiting = record.BytesWritten;
        var heldWhileWaiting = record.MaxUnflushedBytes;

        await using var body = await response.Content.ReadAsStreamAsync(bound.Token);
        var (rootName, items, length) = await CountAsync(body, item, bound.Token);
        await record.Completed.WaitAsync(bound.Token);
        output.WriteLine($"{path}: {length} bytes; {producedWhileWaiting} produced before the client read; at most {record.MaxUnflushedBytes} held unflushed.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(root, rootName);
        Assert.Equal(count, items);
        Assert.True(producedWhileWaiting < length / 2, $"{producedWhileWaiting} of {length} bytes were produced before the client read anything.");
        Assert.True(heldWhileWaiting <= MaxHeld, $"{heldWhileWaiting} bytes were held unflushed.");
        Assert.True(record.MaxUnflushedBytes <= MaxHeld, $"{record.MaxUnflushedBytes} bytes were held unflushed.");
    }

    [Theory]
    [InlineData("/sample/list")]
    [InlineData("/sample/array")]
    [InlineData("/sample/renamed")]
    [InlineData("/sample/strings")]
    [InlineData("/sample/numbers")]
    public async Task XmlSerializerSequence_WrittenItemByItem_MatchesXmlSerializersOwnOutput(string path)
    {
        object value = path switch
        {
            "/sample/list" => SampleProducts(),
            "/sample/array" => SampleProducts().ToArray(),
            "/sample/renamed" => new List<RenamedItem?> { new() { Id = 1 }, null, new() { Id = 2 } },
            "/sample/strings" => new List<string?> { "a", null, "c" },
            _ => new[] { 1, 2, 3 },
        };
        var expected = SerializeWhole(value);

        using var response = await _app.GetAsync(path, "application/xml");

        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    private static string SerializeWhole(object value)
    {
        var namespaces = new XmlSerializerNamespaces();
        namespaces.Add(string.Empty, string.Empty);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new XmlSerializer(value.GetType()).Serialize(writer, value, namespaces);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the document as it arrives, counting the elements named <paramref name="item"/>.</summary>
    private static async Task<(string Root, int Items, long Length)> CountAsync(Stream body, string item, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(body);
        using var reader = XmlReader.Create(counting, new XmlReaderSettings { Async = true });
        string? root = null;
        var items = 0;
        while (await reader.ReadAsync().WaitAsync(cancellationToken))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            root ??= reader.LocalName;
            if (reader.LocalName == item)
            {
                items++;
            }
        }

        return (root ?? string.Empty, items, counting.BytesRead);
    }

    /// <summary>A client whose socket takes little at a time, so the server's writes are held up by what it has not read.</summary>
    private HttpClient SlowReaderClient() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 16 * 1024, NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = _app.BaseAddress,
    };

    public record Catalogue(string Name, IEnumerable<OrderLine> Lines);

    [XmlType("Item")]
    public sealed class RenamedItem
    {
        public int Id { get; set; }
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
