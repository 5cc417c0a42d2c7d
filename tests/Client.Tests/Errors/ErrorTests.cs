using System.Net;
using System.Net.Sockets;
using Herald.Client.Testing;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Errors;

public sealed class ErrorTests(SignalServer signals) : IClassFixture<SignalServer>
{
    private HeraldClient NewClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = signals.Server.BaseAddress;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task ErrorStatus_ThrowsWithTheWholeResponse()
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("status/404"));

        Assert.Equal($"GET {signals.Server.BaseAddress}status/404 answered 404 Not Found", ex.Message);
        Assert.Equal(404, ex.Status);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Not Found", ex.ReasonPhrase);
        Assert.Equal(HttpMethod.Get, ex.Method);
        Assert.Equal(signals.Server.Url("status/404"), ex.RequestUri);
        Assert.Equal("404", ex.Headers["x-status"]);
        Assert.Equal("status 404 body", ex.BodyText);
        Assert.Equal("status 404 body", ex.Response.Body);
        Assert.IsAssignableFrom<HttpRequestException>(ex);
        ex.Response.Dispose();
    }

    [Fact]
    public async Task ErrorStatus_StreamedBody_IsBufferedIntoTheException()
    {
        using var client = NewClient(o => o.ResponseBody = ResponseBodyKind.Stream);

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("status/500"));

        Assert.Equal("status 500 body", ex.BodyText);
        Assert.Equal("status 500 body", await ex.Response.ReadStringAsync());
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(206)]
    [InlineData(207)]
    [InlineData(304)]
    public async Task UnexceptionalStatus_DoesNotThrow(int status)
    {
        using var client = NewClient();

        using var response = await client.GetAsync($"status/{status}");

        Assert.Equal(status, response.Status);
        Assert.True(response.IsSuccess);
    }

    [Theory]
    [InlineData(208)]
    [InlineData(305)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(409)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ExceptionalStatus_Throws(int status)
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync($"status/{status}"));

        Assert.Equal(status, ex.Status);
    }

    [Fact]
    public void DefaultSuccessSet_IsCljHttpsUnexceptionalSet()
    {
        int[] expected = [200, 201, 202, 203, 204, 205, 206, 207, 300, 301, 302, 303, 304, 307, 308];

        Assert.Equal(expected, Enumerable.Range(100, 500).Where(HeraldStatus.IsUnexceptional));
    }

    [Fact]
    public async Task ThrowOnError_OffPerClient_OrPerRequest()
    {
        using var quiet = NewClient(o => o.ThrowOnError = false);
        using var loud = NewClient();

        using var a = await quiet.GetAsync("status/500");
        using var b = await loud.GetAsync("status/500", r => r.ThrowOnError(false));
        await Assert.ThrowsAsync<HeraldHttpException>(() => quiet.GetAsync("status/500", r => r.ThrowOnError()));

        Assert.Equal(500, a.Status);
        Assert.False(a.IsSuccess);
        Assert.Equal("status 500 body", a.Body);
        Assert.Equal(500, b.Status);
    }

    [Fact]
    public async Task SuccessPredicate_PerClient_AndPerRequest()
    {
        using var strict = NewClient(o => o.IsSuccessStatus = s => s == 200);
        using var lenient = NewClient(o => o.IsSuccessStatus = s => HeraldStatus.IsUnexceptional(s) || s == 404);

        await Assert.ThrowsAsync<HeraldHttpException>(() => strict.GetAsync("status/201"));
        using var notFound = await lenient.GetAsync("status/404");
        using var perRequest = await strict.GetAsync("status/409", r => r.SuccessStatus(s => s == 409));

        Assert.True(notFound.IsSuccess);
        Assert.True(perRequest.IsSuccess);
    }

    [Fact]
    public async Task UnknownHost_TrySendReturnsNull_SendThrows()
    {
        using var client = NewClient(o => o.TransportHandler = () => new SocketsHttpHandler
        {
            // Resolution fails as a DNS miss does, without asking a resolver outside this machine.
            ConnectCallback = (_, _) => throw new SocketException((int)SocketError.HostNotFound),
        });

        var nothing = await client.TrySendAsync(new HeraldRequest(HttpMethod.Get, "http://no-such-host.invalid/x"));
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://no-such-host.invalid/x"));

        Assert.Null(nothing);
        Assert.Contains("no-such-host.invalid", ex.Message);
    }

    [Fact]
    public async Task TrySendAsync_KnownHost_ReturnsTheResponse_AndOtherFailuresStillThrow()
    {
        using var client = NewClient();
        var closedPort = ClosedPort();

        using var response = await client.TrySendAsync(new HeraldRequest(HttpMethod.Get, "ping"));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.TrySendAsync(new HeraldRequest(HttpMethod.Get, $"http://127.0.0.1:{closedPort}/")));
        await Assert.ThrowsAsync<HeraldHttpException>(() => client.TrySendAsync(new HeraldRequest(HttpMethod.Get, "status/404")));

        Assert.Equal("pong", response!.Body);
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    [Fact]
    public async Task Timeout_ServerNeverAnswers_ThrowsHeraldTimeoutException()
    {
        var time = new ManualTimeProvider();
        using var client = NewClient(o =>
        {
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}");
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(5), ex.Limit);
        Assert.Equal($"GET {signals.Server.BaseAddress}hang?* timed out after 5 s (the call's Timeout). Raise HeraldClientOptions.Timeout or the request's Timeout(...) if the server needs longer.", ex.Message);
        Assert.Equal(signals.Server.Url($"hang?id={id}"), ex.RequestUri);
        Assert.IsAssignableFrom<TimeoutException>(ex);
        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
    }

    [Fact]
    public async Task Timeout_PerRequest_ReplacesTheClients()
    {
        var time = new ManualTimeProvider();
        using var client = NewClient(o => o.TimeProvider = time);
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}", r => r.Timeout(TimeSpan.FromMilliseconds(250)));
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromMilliseconds(250), ex.Limit);
        Assert.Contains("250 ms", ex.Message);
    }

    [Fact]
    public async Task Timeout_OnTheRealClock_ShortTimeout_Throws()
    {
        using var client = NewClient(o => o.Timeout = TimeSpan.FromMilliseconds(200));
        var id = SignalServer.NewId();

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => client.GetAsync($"hang?id={id}"));

        Assert.Contains("hang?*", ex.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(200), ex.Limit);
    }

    [Fact]
    public async Task Dispose_DuringACall_ThrowsObjectDisposedNotTimeout()
    {
        var client = NewClient();
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}&key=SECRET123");
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        client.Dispose();
        var ex = await Record.ExceptionAsync(() => call);

        var disposed = Assert.IsType<ObjectDisposedException>(ex);
        Assert.Contains("disposed while GET", disposed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET123", disposed.Message, StringComparison.Ordinal);
        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
    }

    [Fact]
    public async Task CancellationFromInsideThePipeline_StaysACancellation()
    {
        // A token provider that gives up cancels the call; nothing timed out, so it is no HeraldTimeoutException.
        using var client = NewClient(o => o.Auth.LoadBearerToken = _ => throw new OperationCanceledException("identity provider shut down"));

        var ex = await Record.ExceptionAsync(() => client.GetAsync("ping"));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task CallerCancellation_IsNotATimeout()
    {
        var time = new ManualTimeProvider();
        using var client = NewClient(o => o.TimeProvider = time);
        using var cts = new CancellationTokenSource();
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}", cancellationToken: cts.Token);
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, ex.CancellationToken);
        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
    }

    [Fact]
    public async Task TransportConnectTimeout_ThrowsHeraldTimeoutException()
    {
        using var client = NewClient(o => o.TransportHandler = () => new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(100),
            // A connect that never completes, so the transport's own connect timeout fires.
            ConnectCallback = async (_, ct) =>
            {
                await new TaskCompletionSource().Task.WaitAsync(ct);
                throw new InvalidOperationException("unreachable");
            },
        });

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => client.GetAsync("ping"));

        Assert.Null(ex.Limit);
        Assert.Contains("timed out in the transport", ex.Message);
        Assert.Contains("/ping", ex.Message);
    }

    [Fact]
    public async Task SimulatedTransportTimeout_ThrowsHeraldTimeoutException()
    {
        var fake = new FakeTransport();
        fake.Enqueue().TimeOut();
        using var client = new HeraldClient(o => o.UseFakeTransport(fake));

        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => client.GetAsync("http://api.test/slow"));

        Assert.Equal(new Uri("http://api.test/slow"), ex.RequestUri);
        Assert.Null(ex.Limit);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
