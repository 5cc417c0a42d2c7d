using System.Net;
using System.Net.Sockets;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Herald.Client.Tests.Transport;

public sealed class TimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    // Released only when the test ends: a stalled endpoint waits on it (or on the client going away), never on a clock.
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;
    private LoopbackServer _h2c = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Map);
        _h2c = await LoopbackServer.StartAsync(Map, protocols: HttpProtocols.Http2);
    }

    private void Map(WebApplication app)
    {
        {
            app.MapGet("/stall-headers", async (HttpContext c) =>
            {
                await Stall(c);
                return "too late";
            });
            app.MapGet("/stall-body", async (HttpContext c) =>
            {
                c.Response.ContentType = "text/plain";
                await c.Response.WriteAsync("partial");
                await c.Response.Body.FlushAsync();
                await Stall(c);
            });
            app.MapPost("/ignore-body", async (HttpContext c) =>
            {
                await Stall(c);
                return "too late";
            });
            app.MapGet("/slow-reader", () => "slow reader");
            app.MapGet("/headers-then-stall", async (HttpContext c) =>
            {
                c.Response.ContentType = "text/plain";
                await c.Response.StartAsync();
                await c.Response.Body.FlushAsync();
                await Stall(c);
            });
        }
    }

    public async Task DisposeAsync()
    {
        _never.TrySetResult();
        await _server.DisposeAsync();
        await _h2c.DisposeAsync();
    }

    [Fact]
    public async Task ConnectTimeout_ServerNeverAccepts_ThrowsTimeoutNamingTheOption()
    {
        // A listener whose one-slot backlog is taken: the kernel drops further SYNs, so connecting hangs.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(listener.LocalEndPoint!);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = new HeraldClient(o => o.Transport.ConnectTimeout = Short);

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, $"http://127.0.0.1:{port}/")));

        Assert.Contains("TransportOptions.ConnectTimeout", ex.Message);
        Assert.Contains($"127.0.0.1:{port}", ex.Message);
    }

    [Fact]
    public async Task ReadTimeout_NoResponseHeaders_ThrowsTimeoutNamingTheOption()
    {
        using var client = Client(o => o.Transport.ReadTimeout = Short);

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "stall-headers")));

        Assert.Contains("TransportOptions.ReadTimeout", ex.Message);
        Assert.Contains("No response", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadTimeout_BodyStallsAfterSomeBytes_ThrowsTimeoutOnTheStalledRead(bool http2)
    {
        var clock = new ManualTimeProvider();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = (http2 ? _h2c : _server).BaseAddress;
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(5);
            o.Transport.TimeProvider = clock;
            o.ResponseBody = ResponseBodyKind.Stream;
            if (http2)
            {
                o.Transport.HttpVersion = HttpVersion.Version20;
                o.Transport.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }
        });
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "stall-body"));
        await using var body = await response.Message.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        await body.ReadExactlyAsync(buffer.AsMemory(0, 7));

        var stalled = body.ReadAsync(buffer.AsMemory(7)).AsTask();
        Assert.False(stalled.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => stalled);

        Assert.Equal("partial"u8.ToArray(), buffer[..7]);
        Assert.Contains("stalled", ex.Message);
        Assert.Contains("TransportOptions.ReadTimeout", ex.Message);
        await Assert.ThrowsAsync<TimeoutException>(() => body.ReadAsync(buffer).AsTask());
    }

    [Fact]
    public async Task ReadTimeout_BodyStalls_FailsReadAsString()
    {
        var clock = new ManualTimeProvider();
        using var client = Client(o =>
        {
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(5);
            o.Transport.TimeProvider = clock;
        });
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "headers-then-stall"));

        // The first read of the body is the one that stalls, so the only timer armed is its own.
        var reading = response.Message.Content.ReadAsStringAsync();
        await WaitUntil(() => clock.ArmedTimers > 0);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => reading);

        Assert.True(ex is TimeoutException || ex.InnerException is TimeoutException, ex.ToString());
    }

    [Fact]
    public async Task Cancellation_DuringStalledBodyRead_IsCancellationNotTimeout()
    {
        var clock = new ManualTimeProvider();
        using var client = Client(o =>
        {
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(5);
            o.Transport.TimeProvider = clock;
        });
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "headers-then-stall"));
        await using var body = await response.Message.Content.ReadAsStreamAsync();
        using var cts = new CancellationTokenSource();

        var reading = body.ReadAsync(new byte[16], cts.Token).AsTask();
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task ReadTimeout_TimeBetweenReads_DoesNotCount()
    {
        var clock = new ManualTimeProvider();
        using var client = Client(o =>
        {
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(5);
            o.Transport.TimeProvider = clock;
        });
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "slow-reader"));
        await using var body = await response.Message.Content.ReadAsStreamAsync();
        var buffer = new byte[4];
        await body.ReadExactlyAsync(buffer);

        // The caller takes its time between reads: only a read that waits on the server is timed.
        Assert.Equal(0, clock.ArmedTimers);
        clock.Advance(TimeSpan.FromMinutes(1));
        using var rest = new StreamReader(body);

        Assert.Equal("slow", System.Text.Encoding.ASCII.GetString(buffer));
        Assert.Equal(" reader", await rest.ReadToEndAsync());
    }

    [Fact]
    public async Task ReadTimeout_PerRequest_OverridesOptions()
    {
        using var client = Client(o => o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan);

        await Assert.ThrowsAsync<HeraldTimeoutException>(() =>
            client.SendAsync(new HeraldRequest(HttpMethod.Get, "stall-headers").ReadTimeout(Short)));
    }

    [Fact]
    public async Task ReadTimeout_UploadTheServerStopsReading_ThrowsTimeout()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.ReadTimeout = Short;
        }));
        // 256 MiB that never sit in memory; the server reads none of it, so the socket backs up and the upload stops moving.
        var content = new StreamContent(new ZeroStream(256L << 20));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => http.PostAsync("ignore-body", content));

        Assert.Contains("TransportOptions.ReadTimeout", ex.Message);
    }

    [Theory]
    [InlineData(100)] // small: leaves with the headers, the timer armed before sending covers it
    [InlineData(1 << 20)] // large: the server reads none of it, so the upload stops moving
    public async Task ReadTimeout_BytesBodyTheServerNeverAnswers_ThrowsTimeoutNamingTheOption(int size)
    {
        using var client = Client(o => o.Transport.ReadTimeout = Short);

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() =>
            client.SendAsync(new HeraldRequest(HttpMethod.Post, "ignore-body").Body(new byte[size], "application/octet-stream")));

        Assert.Contains("TransportOptions.ReadTimeout", ex.Message);
    }

    [Fact]
    public async Task Cancellation_WhileStalled_IsCancellationNotTimeout()
    {
        using var client = Client(o => o.Transport.ReadTimeout = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();
        var call = client.SendAsync(new HeraldRequest(HttpMethod.Get, "stall-headers"), cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private Task Stall(HttpContext context) => _never.Task.WaitAsync(context.RequestAborted);

    // Waits for the client to reach a state (bounded: at most 1000 turns of the thread pool, then the test fails).
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Yield();
        }

        Assert.True(condition());
    }

    private HeraldClient Client(Action<HeraldClientOptions> configure) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.ResponseBody = ResponseBodyKind.Stream; // and read the body themselves, to watch the read timeout
        o.BaseAddress = _server.BaseAddress;
        configure(o);
    });

    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
