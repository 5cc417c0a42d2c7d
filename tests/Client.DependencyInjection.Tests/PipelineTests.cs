using Herald.Client.Tests.Infrastructure;
using System.Text.Json;
using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>
/// Herald's middleware and transport in the factory's handler chain: middleware from the options runs, logging reaches
/// the container's loggers, framework handlers sit inside it, the transport options apply, and the client's own
/// behaviour (errors, timeouts, redirects) is unchanged.
/// </summary>
public sealed class PipelineTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Middleware_AddedInOptions_RunsInTheFactoryChain()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("stamped", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Middleware.Insert(0, "stamp", () => new StampHandler("X-Stamp", "outermost"));
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("stamped");
        var echo = await client.EchoAsync("echo/stamped");

        Assert.Equal("outermost", echo.Header("X-Stamp"));
    }

    [Fact]
    public async Task Logging_WithoutALogger_WritesToTheContainersLoggerFactory()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddHeraldClient("logged", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Logging.Level = ClientLogLevel.Headers;
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("logged");
        using (await client.GetAsync("echo/logged?token=SECRET", r => r.Header("Authorization", "Bearer SECRET")))
        {
        }

        var herald = logs.Entries.Where(e => e.Category == ClientLoggingOptions.CategoryName).ToList();
        Assert.Contains(herald, e => e.Message.Contains("GET", StringComparison.Ordinal) && e.Message.Contains("/echo/logged?*", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("SECRET", StringComparison.Ordinal)); // the factory's own log included
    }

    [Fact]
    public async Task Logging_LoggerGivenInOptions_WinsOverTheContainers()
    {
        var container = new CapturingLoggerProvider();
        var own = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(container));
        services.AddHeraldClient("own-logger", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Logging.Logger = own.CreateLogger("mine");
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("own-logger");
        using (await client.GetAsync("echo/own"))
        {
        }

        Assert.Contains(own.Entries, e => e.Message.Contains("/echo/own", StringComparison.Ordinal));
        Assert.DoesNotContain(container.Entries, e => e.Category == ClientLoggingOptions.CategoryName);
    }

    [Fact]
    public async Task FrameworkHandler_AddedToTheHttpClientBuilder_SitsInsideHeraldsMiddleware()
    {
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddHeraldClient("framework", o => o.BaseAddress = server.BaseAddress)
            .HttpClientBuilder.AddHttpMessageHandler(() => new RecordingHandler(seen));
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("framework");
        using (await client.GetAsync("set-cookie?name=s&value=1"))
        {
        }

        using var redirected = await client.GetAsync("redirect");

        // Every hop of Herald's redirect passes the framework handler, with the headers Herald's middleware added.
        Assert.Equal(
            [
                "GET /set-cookie?name=s&value=1 | gzip, deflate, br | ",
                "GET /redirect | gzip, deflate, br | s=1",
                "GET /echo/final | gzip, deflate, br | s=1",
            ],
            seen);
        Assert.Equal(200, redirected.Status);
    }

    [Fact]
    public async Task Redirects_AreFollowedByHerald_NotTheTransport()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("redirects", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Redirects.Strategy = RedirectStrategy.None;
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("redirects");
        using var response = await client.GetAsync("redirect", r => r.ThrowOnError(false));

        Assert.Equal(302, response.Status); // the factory's primary handler would have followed it on its own
    }

    [Fact]
    public async Task Transport_ProxyOption_ReachesTheFactorysPrimaryHandler()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("proxied", o => o.Transport.Proxy = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("proxied");
        var echo = await client.EchoAsync("http://herald-proxy.test/echo/via-proxy");

        // The request went to the loopback "proxy" in absolute form, for a host that does not resolve.
        Assert.Equal("herald-proxy.test", echo.Header("Host"));
        Assert.Equal("/echo/via-proxy", echo.Path);
    }

    [Fact]
    public async Task ErrorStatus_ThrowsHeraldHttpExceptionWithTheBody()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("errors", o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("errors");
        var ex = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("status/503"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("status 503 body", ex.BodyText);
    }

    [Fact]
    public async Task Timeout_ServerNeverAnswers_ThrowsHeraldTimeoutExceptionOnTheOptionsClock()
    {
        var time = new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddHeraldClient("slow", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("slow");
        var id = Guid.NewGuid().ToString("N");

        var call = client.GetAsync($"hang?id={id}");
        await server.Arrived(id).Task.WaitAsync(TestServer.Guard);
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(5), ex.Limit);
    }

    [Fact]
    public async Task JsonOptions_WritableInstance_ApplyAndStayTheCallers()
    {
        var json = new JsonSerializerOptions { PropertyNamingPolicy = null };
        var services = new ServiceCollection();
        services.AddHeraldClient("json", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.JsonSerializerOptions = json;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();

        using var first = factory.CreateClient("json");
        using var second = factory.CreateClient("json");
        using var sent = await first.PostAsync("body", r => r.JsonBody(new { FirstName = "Ada" }));
        using var again = await second.PostAsync("body", r => r.JsonBody(new { LastName = "Lovelace" }));

        Assert.Equal("{\"FirstName\":\"Ada\"}", sent.Body);
        Assert.Equal("{\"LastName\":\"Lovelace\"}", again.Body);
        Assert.False(json.IsReadOnly); // the client works on its own read-only copy
    }

    private sealed class StampHandler(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var encoding = request.Headers.TryGetValues("Accept-Encoding", out var e) ? string.Join(", ", e) : string.Empty;
            var cookie = request.Headers.TryGetValues("Cookie", out var c) ? string.Join("; ", c) : string.Empty;
            lock (seen)
            {
                seen.Add($"{request.Method} {request.RequestUri!.PathAndQuery} | {encoding} | {cookie}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
