using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Client;

/// <summary>
/// A <see cref="HeraldClient"/> over a caller's <see cref="HttpClient"/> whose chain is built from
/// <see cref="HeraldPipeline"/>'s handlers, as <c>IHttpClientFactory</c> builds it: the same behaviour as a client
/// that builds its own chain, and a dispose that leaves the caller's handlers working.
/// </summary>
public sealed class HeraldClientOverHttpClientTests(SignalServer signals) : IClassFixture<SignalServer>, IAsyncLifetime
{
    private LoopbackServer _echo = null!;

    public async Task InitializeAsync() => _echo = await LoopbackServer.StartAsync(app =>
    {
        EchoServer.Map(app);
        app.MapGet("/set-cookie", (HttpContext ctx) =>
        {
            ctx.Response.Headers.SetCookie = "session=abc; Path=/";
            return "set";
        });
        app.MapGet("/connection", (HttpContext ctx) => ctx.Connection.Id);
    });

    public async Task DisposeAsync() => await _echo.DisposeAsync();

    [Fact]
    public async Task Constructor_OverPipelineHandlers_AppliesBaseAddressHeadersAndMiddleware()
    {
        var options = Options(_echo.BaseAddress);
        options.DefaultHeaders.Add("X-Api-Key", "k1");
        using var handler = Chain(options);
        using var client = new HeraldClient(new HttpClient(handler, disposeHandler: false), options);

        var echo = await Echo(client, "echo/users");

        Assert.Equal(_echo.BaseAddress, client.BaseAddress);
        Assert.Equal("/echo/users", echo.Path);
        Assert.Equal("k1", echo.Header("X-Api-Key"));
        Assert.Equal(HeraldClientOptions.DefaultUserAgent, echo.Header("User-Agent"));
        Assert.Equal("gzip, deflate, br", echo.Header("Accept-Encoding")); // the decompression middleware ran
    }

    [Fact]
    public async Task Constructor_ErrorStatus_ThrowsHeraldHttpException()
    {
        var options = Options(signals.Server.BaseAddress);
        using var handler = Chain(options);
        using var client = new HeraldClient(new HttpClient(handler, disposeHandler: false), options);

        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("status/503"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("status 503 body", ex.BodyText);
    }

    [Fact]
    public async Task Constructor_ServerNeverAnswers_ThrowsHeraldTimeoutExceptionOnTheClientsClock()
    {
        var time = new ManualTimeProvider();
        var options = Options(signals.Server.BaseAddress);
        options.TimeProvider = time;
        options.Timeout = TimeSpan.FromSeconds(5);
        using var handler = Chain(options);
        using var client = new HeraldClient(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, options);
        var id = SignalServer.NewId();

        var call = client.GetAsync($"hang?id={id}");
        await signals.Arrived(id).Task.WaitAsync(SignalServer.Guard);
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(5), ex.Limit);
        await signals.Aborted(id).Task.WaitAsync(SignalServer.Guard);
    }

    [Fact]
    public async Task Dispose_LeavesTheCallersHandlerAndConnectionsWorking()
    {
        var options = Options(_echo.BaseAddress);
        using var handler = Chain(options);

        string first;
        using (var client = new HeraldClient(new HttpClient(handler, disposeHandler: false), options))
        {
            using var response = await client.GetAsync("connection");
            first = (string)response.Body!;
        }

        using var next = new HeraldClient(new HttpClient(handler, disposeHandler: false), options);
        using var again = await next.GetAsync("connection");

        Assert.Equal(first, again.Body); // the same pooled connection: nothing under the HttpClient was disposed
    }

    [Fact]
    public async Task Cookies_ClientsOverOneOptionsObject_ShareOneJar()
    {
        var options = Options(_echo.BaseAddress);
        using var handler = Chain(options);
        using var first = new HeraldClient(new HttpClient(handler, disposeHandler: false), options);
        using var second = new HeraldClient(new HttpClient(handler, disposeHandler: false), options);

        using var set = await first.GetAsync("set-cookie");
        var echo = await Echo(second, "echo/cookie");

        Assert.Same(first.Cookies, second.Cookies);
        Assert.Equal("session=abc", echo.Header("Cookie"));
    }

    [Fact]
    public void Constructor_InvalidOption_ThrowsNamingIt()
    {
        var options = new HeraldClientOptions { Timeout = TimeSpan.Zero };
        using var http = new HttpClient();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(http, options));

        Assert.Contains("HeraldClientOptions.Timeout", ex.Message);
    }

    [Fact]
    public void CreateMiddleware_ReturnsNewUnchainedHandlersInOrder()
    {
        var options = new HeraldClientOptions();

        var first = HeraldPipeline.CreateMiddleware(options);
        var second = HeraldPipeline.CreateMiddleware(options);

        Assert.Equal(
            ["RedirectHandler", "AuthHandler", "CookieHandler", "DecompressionHandler", "LoggingHandler"],
            first.Select(h => h.GetType().Name));
        Assert.All(first, h => Assert.Null(h.InnerHandler));
        Assert.DoesNotContain(first, second.Contains);
    }

    [Fact]
    public void CreateMiddleware_FactoryReturnsTheSameHandlerTwice_ThrowsNamingTheEntry()
    {
        var options = new HeraldClientOptions();
        var shared = new PassThroughHandler();
        options.Middleware.Add("a", () => shared).Add("b", () => shared);

        var ex = Assert.Throws<InvalidOperationException>(() => HeraldPipeline.CreateMiddleware(options));

        Assert.Contains("middleware 'b'", ex.Message);
    }

    [Fact]
    public void CreateTransport_InvalidTransportOption_ThrowsNamingIt()
    {
        var options = new HeraldClientOptions();
        options.Transport.MaxConnectionsPerServer = 0;

        var ex = Assert.ThrowsAny<ArgumentException>(() => HeraldPipeline.CreateTransport(options));

        Assert.Contains("TransportOptions.MaxConnectionsPerServer", ex.Message);
    }

    private static HeraldClientOptions Options(Uri baseAddress) => new() { BaseAddress = baseAddress };

    private static HttpMessageHandler Chain(HeraldClientOptions options)
    {
        var inner = HeraldPipeline.CreateTransport(options);
        var middleware = HeraldPipeline.CreateMiddleware(options);
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            middleware[i].InnerHandler = inner;
            inner = middleware[i];
        }

        return inner;
    }

    private static async Task<Echo> Echo(HeraldClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (await response.ReadJsonAsync<Echo>())!;
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
