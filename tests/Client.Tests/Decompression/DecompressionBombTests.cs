using System.Text;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Decompression;

/// <summary>Measures allocations, so it runs alone rather than beside other test classes.</summary>
[CollectionDefinition(nameof(DecompressionBombTests), DisableParallelization = true)]
public sealed class DecompressionBombCollection;

[Collection(nameof(DecompressionBombTests))]
public sealed class DecompressionBombTests : IAsyncLifetime
{
    private const long OneGiB = 1L << 30;
    private const long Cap = 8L << 20;

    // 1 GiB of zeros: about 1 MiB gzipped once, a few KiB gzipped twice.
    private static readonly Lazy<byte[]> Bomb = new(() => Compress.GzipZeros(OneGiB));
    private static readonly Lazy<byte[]> DoubleBomb = new(() => Compress.Gzip(Bomb.Value));

    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/bomb", (HttpResponse r) => Send(r, "gzip", Bomb.Value));
            app.MapGet("/double-bomb", (HttpResponse r) => Send(r, "gzip, gzip", DoubleBomb.Value));
            app.MapGet("/small", (HttpResponse r) => Send(r, "gzip", Compress.Gzip(Encoding.UTF8.GetBytes(new string('a', 1000)))));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("bomb")]
    [InlineData("double-bomb")]
    public async Task Read_BombPastCap_FailsCleanlyWithoutAllocatingIt(string path)
    {
        _ = path == "bomb" ? Bomb.Value : DoubleBomb.Value; // built before measuring
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Decompression.MaxDecodedBytes = Cap;
        });
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, path).As(ResponseBodyKind.Stream));
        await using var body = (Stream)response.Body!;
        var counter = new CountingStream();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = await Assert.ThrowsAsync<HttpIOException>(() => body.CopyToAsync(counter));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, ex.HttpRequestError);
        Assert.Contains("MaxDecodedBytes", ex.Message);
        Assert.True(counter.Written <= Cap, $"{counter.Written} decoded bytes reached the caller; the cap is {Cap}.");
        Assert.True(counter.Written > Cap / 2, $"only {counter.Written} bytes were read before failing.");
        Assert.True(allocated < 64L << 20, $"reading the bomb allocated {allocated} bytes.");
    }

    [Fact]
    public async Task BufferedCall_BombPastCap_ThrowsTheLimit()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Decompression.MaxDecodedBytes = Cap;
        });

        // The default body kind (String) buffers the body inside the call, so the call itself fails.
        var ex = await Assert.ThrowsAsync<HttpIOException>(() => client.GetAsync("bomb"));

        Assert.Equal(HttpRequestError.ConfigurationLimitExceeded, ex.HttpRequestError);
        Assert.Contains("MaxDecodedBytes", ex.Message);
    }

    [Fact]
    public async Task Read_BodyWithinCap_IsReadWhole()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Decompression.MaxDecodedBytes = 1000;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "small"));

        Assert.Equal(new string('a', 1000), await response.Message.Content.ReadAsStringAsync());
    }

    private static Task Send(HttpResponse response, string encoding, byte[] body)
    {
        response.ContentType = "application/octet-stream";
        response.Headers.ContentEncoding = encoding;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
