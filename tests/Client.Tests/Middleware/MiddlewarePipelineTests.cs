using Herald.Client.Testing;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Middleware;

/// <summary>User middleware in the documented positions, removal of built-in middleware, and options reused for several clients.</summary>
public sealed class MiddlewarePipelineTests(EchoServer echo) : IClassFixture<EchoServer>
{
    [Fact]
    public void Pipeline_FollowsTheDocumentedDefaultOrder()
    {
        using var client = new HeraldClient();

        Assert.Equal(
            ["RedirectHandler", "AuthHandler", "CookieHandler", "DecompressionHandler", "LoggingHandler", "ProgressHandler", "TransportPolicyHandler", "SocketsHttpHandler"],
            Chain(client).Select(h => h.GetType().Name));
    }

    [Fact]
    public async Task UserMiddleware_AtIndexZero_IsOutermost_AndAddIsInnermost()
    {
        var order = new List<string>();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = echo.BaseAddress;
            o.Middleware.Insert(0, "outer", () => new OrderHandler(order, "outer"));
            o.Middleware.Add("inner", () => new OrderHandler(order, "inner"));
            o.Middleware.InsertBefore(HeraldMiddleware.Auth, "before-auth", () => new OrderHandler(order, "before-auth"));
        });

        using var response = await client.GetAsync("echo/order");

        Assert.Equal(["outer>", "before-auth>", "inner>", "<inner", "<before-auth", "<outer"], order);
        var names = Chain(client).Select(h => h is OrderHandler o ? o.Name : h.GetType().Name).ToList();
        Assert.Equal("outer", names[0]);
        Assert.Equal(names.IndexOf("AuthHandler") - 1, names.IndexOf("before-auth"));
        // The transport is Herald's progress counter over its thin policy handler (versions, read timeout) over SocketsHttpHandler.
        Assert.Equal("inner", names[^4]);
        Assert.Equal(["ProgressHandler", "TransportPolicyHandler", "SocketsHttpHandler"], names[^3..]);
    }

    [Fact]
    public async Task UserMiddleware_CanAnswerWithoutTheNetwork()
    {
        var fake = new FakeTransport();
        using var client = new HeraldClient(o =>
        {
            o.UseFakeTransport(fake);
            o.Middleware.Insert(0, "short-circuit", () => new AnswerHandler());
        });

        using var response = await client.GetAsync("http://api.test/cached");

        Assert.Equal("from middleware", response.Body);
        fake.AssertCallCount(0);
    }

    [Fact]
    public void Remove_BuiltInMiddleware_TakesItOutOfThePipeline()
    {
        var options = new HeraldClientOptions();
        Assert.True(options.Middleware.Remove(HeraldMiddleware.Logging));
        Assert.True(options.Middleware.Remove(HeraldMiddleware.Redirects));
        Assert.False(options.Middleware.Remove("not-there"));

        using var client = new HeraldClient(options);

        Assert.Equal(["AuthHandler", "CookieHandler", "DecompressionHandler", "ProgressHandler", "TransportPolicyHandler", "SocketsHttpHandler"], Chain(client).Select(h => h.GetType().Name));
    }

    [Fact]
    public async Task Clear_LeavesTheTransportAlone_AndCallsStillWork()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = echo.BaseAddress;
            o.Middleware.Clear();
        });

        using var response = await client.GetAsync("ping");

        var transport = Assert.IsType<ProgressHandler>(client.Pipeline).InnerHandler;
        Assert.IsType<SocketsHttpHandler>(Assert.IsType<Herald.Client.Internal.TransportPolicyHandler>(transport).InnerHandler);
        Assert.Equal("pong", response.Body);
    }

    [Fact]
    public async Task Replace_KeepsThePosition()
    {
        var order = new List<string>();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = echo.BaseAddress;
            o.Middleware.Replace(HeraldMiddleware.Cookies, () => new OrderHandler(order, "my-cookies"));
        });

        using var response = await client.GetAsync("ping");

        Assert.Equal(["my-cookies>", "<my-cookies"], order);
        Assert.Equal("my-cookies", ((OrderHandler)Chain(client)[2]).Name);
    }

    [Fact]
    public async Task OneOptionsObject_BuildsIndependentClients()
    {
        var created = 0;
        var options = new HeraldClientOptions { BaseAddress = echo.BaseAddress };
        options.Middleware.Add("count", () =>
        {
            Interlocked.Increment(ref created);
            return new OrderHandler([], "count");
        });

        var first = new HeraldClient(options);
        using var second = new HeraldClient(options);
        Assert.Equal(2, created);
        Assert.NotSame(Chain(first)[^2], Chain(second)[^2]);

        first.Dispose();
        using var response = await second.GetAsync("ping");

        Assert.Equal("pong", response.Body);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.GetAsync("ping"));
    }

    [Fact]
    public void Factory_ReturningASharedHandler_ThrowsClearly()
    {
        var shared = new OrderHandler([], "shared");
        var options = new HeraldClientOptions();
        options.Middleware.Add("shared", () => shared);
        using var first = new HeraldClient(options);

        var ex = Assert.Throws<InvalidOperationException>(() => new HeraldClient(options));

        Assert.Contains("'shared'", ex.Message);
    }

    [Fact]
    public void InstallInOrder_PlacesOptionalMiddlewareInTheDocumentedOrder_AroundUserEntries()
    {
        var middleware = new HeraldClientOptions().Middleware;
        middleware.Insert(0, "mine", () => new PassThrough());

        middleware.InstallInOrder(HeraldMiddleware.Cache, () => new PassThrough());
        middleware.InstallInOrder(HeraldMiddleware.Failover, () => new PassThrough());
        middleware.InstallInOrder(HeraldMiddleware.Resilience, () => new PassThrough());
        middleware.InstallInOrder(HeraldMiddleware.Cache, () => new PassThrough()); // again: replaced, not duplicated

        Assert.Equal(
            ["mine", "resilience", "failover", "redirects", "auth", "cache", "cookies", "decompression", "logging"],
            middleware.Names);
        Assert.Throws<ArgumentException>(() => middleware.InstallInOrder("mine", () => new PassThrough()));
    }

    private sealed class PassThrough : DelegatingHandler;

    [Fact]
    public void Insert_DuplicateOrUnknownNames_ThrowClearly()
    {
        var options = new HeraldClientOptions();

        var duplicate = Assert.Throws<ArgumentException>(() => options.Middleware.Add(HeraldMiddleware.Auth, () => new OrderHandler([], "x")));
        var unknown = Assert.Throws<InvalidOperationException>(() => options.Middleware.InsertBefore("nope", "x", () => new OrderHandler([], "x")));

        Assert.Contains("already installed", duplicate.Message);
        Assert.Contains("Installed: redirects, auth, cookies, decompression, logging", unknown.Message);
    }

    private static List<HttpMessageHandler> Chain(HeraldClient client)
    {
        var chain = new List<HttpMessageHandler>();
        for (var handler = client.Pipeline; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(handler);
        }

        return chain;
    }

    private sealed class OrderHandler(List<string> order, string name) : DelegatingHandler
    {
        public string Name => name;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            order.Add(name + ">");
            var response = await base.SendAsync(request, cancellationToken);
            order.Add("<" + name);
            return response;
        }
    }

    private sealed class AnswerHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("from middleware"), RequestMessage = request });
    }
}
