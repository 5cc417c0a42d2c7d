using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Auth;

public sealed class BearerRefreshTests : IAsyncLifetime
{
    private const int Parallel = 16;
    private const string Stale = "stale-token";
    private const string Fresh = "fresh-token";

    // The server holds every request with the stale token until this many have arrived, so their 401s come together.
    private readonly TaskCompletionSource _allStaleArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _staleArrivals;
    private int _staleBarrier = 1;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api", async (HttpRequest r) =>
            {
                if (r.Headers.Authorization == "Bearer " + Fresh)
                {
                    return Results.Text("ok");
                }

                if (Interlocked.Increment(ref _staleArrivals) >= Volatile.Read(ref _staleBarrier))
                {
                    _allStaleArrived.TrySetResult();
                }

                await _allStaleArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
                return Challenge();
            });
            app.MapPost("/echo", async (HttpRequest r) =>
            {
                if (r.Headers.Authorization != "Bearer " + Fresh)
                {
                    return Challenge();
                }

                using var reader = new StreamReader(r.Body);
                return Results.Text(await reader.ReadToEndAsync());
            });
            app.MapGet("/always-401", () => Challenge());
            app.MapGet("/affinity", (HttpContext c) =>
            {
                if (c.Request.Headers.Authorization != "Bearer " + Fresh)
                {
                    // A load balancer pins the session to a node on the first answer, a 401 included.
                    c.Response.Headers.SetCookie = "affinity=node7; Path=/";
                    return Challenge();
                }

                return Results.Text("cookie on retry: " + c.Request.Headers.Cookie);
            });
            app.MapGet("/401-without-bearer", () => Results.Text("no", statusCode: 401));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_ConcurrentCallsGet401Together_ShareOneRefresh()
    {
        Volatile.Write(ref _staleBarrier, Parallel);
        var loads = 0;
        var refreshes = 0;
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ =>
            {
                Interlocked.Increment(ref loads);
                return ValueTask.FromResult(Stale);
            };
            o.Auth.RefreshBearerToken = async ct =>
            {
                Interlocked.Increment(ref refreshes);
                await Task.Yield();
                return Fresh;
            };
        });

        var calls = Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "api"));
            return (response.StatusCode, await response.Message.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal((HttpStatusCode.OK, "ok"), r));
        Assert.Equal(Parallel, Volatile.Read(ref _staleArrivals));
        Assert.Equal(1, loads);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task SendAsync_LaterCalls_ReuseTheRefreshedToken()
    {
        var loads = 0;
        var refreshes = 0;
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult(Interlocked.Increment(ref loads) == 1 ? Stale : "unexpected");
            o.Auth.RefreshBearerToken = _ =>
            {
                Interlocked.Increment(ref refreshes);
                return ValueTask.FromResult(Fresh);
            };
        });

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "api"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, loads);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task SendAsync_NoRefreshFunction_LoadsAgainOn401()
    {
        var loads = 0;
        using var client = Client(o => o.Auth.LoadBearerToken = _ =>
            ValueTask.FromResult(Interlocked.Increment(ref loads) == 1 ? Stale : Fresh));

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task SendAsync_StillUnauthorizedAfterRefresh_Returns401WithoutLooping()
    {
        var refreshes = 0;
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult(Stale);
            o.Auth.RefreshBearerToken = _ => ValueTask.FromResult("refresh-" + Interlocked.Increment(ref refreshes));
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "always-401"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task SendAsync_401WithoutBearerChallenge_DoesNotRefresh()
    {
        var refreshes = 0;
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult(Stale);
            o.Auth.RefreshBearerToken = _ =>
            {
                Interlocked.Increment(ref refreshes);
                return ValueTask.FromResult(Fresh);
            };
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "401-without-bearer"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, refreshes);
    }

    [Fact]
    public async Task SendAsync_401SetsACookie_TheRetryCarriesIt_AndTheStoreKeepsIt()
    {
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult(Stale);
            o.Auth.RefreshBearerToken = _ => ValueTask.FromResult(Fresh);
        });

        using var response = await client.GetAsync("affinity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cookie on retry: affinity=node7", response.Body);
        var cookie = Assert.Single(client.Cookies.GetAllCookies());
        Assert.Equal(("affinity", "node7"), (cookie.Name, cookie.Value));
    }

    [Fact]
    public async Task SendAsync_LoadFails_FailsTheCallAndTriesAgainNextTime()
    {
        var loads = 0;
        using var client = Client(o => o.Auth.LoadBearerToken = _ => Interlocked.Increment(ref loads) == 1
            ? throw new InvalidOperationException("identity provider down")
            : ValueTask.FromResult(Fresh));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "api")));
        using var second = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "api"));

        Assert.Equal("identity provider down", ex.Message);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task SendAsync_EmptyTokenFromProvider_ThrowsNamingIt()
    {
        using var client = Client(o => o.Auth.LoadBearerToken = _ => ValueTask.FromResult(""));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "api")));

        Assert.Contains("LoadBearerToken", ex.Message);
    }

    [Fact]
    public async Task SendAsync_BufferedBody_IsSentAgainAfterRefresh()
    {
        using var http = Pipeline.CreateHttpClient(Options());

        using var response = await http.PostAsync("echo", new StringContent("the body, twice"));

        Assert.Equal("the body, twice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_SizedStreamBody_IsBufferedAndSentAgain()
    {
        using var http = Pipeline.CreateHttpClient(Options());
        var content = new StreamContent(new ForwardOnlyStream(new MemoryStream("streamed once, sent twice"u8.ToArray())));
        content.Headers.ContentLength = 25;

        using var response = await http.PostAsync("echo", content);

        Assert.Equal("streamed once, sent twice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_UnsizedStreamBodyWithinTheCap_IsCopiedAsItIsSentAndSentAgain()
    {
        using var http = Pipeline.CreateHttpClient(Options());
        var content = new StreamContent(new ForwardOnlyStream(new MemoryStream("chunked, kept, sent again"u8.ToArray())));

        using var response = await http.PostAsync("echo", content);

        Assert.Equal("chunked, kept, sent again", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_UnsizedStreamBodyOverTheCap_FailsClearlyInsteadOfSendingItEmpty()
    {
        using var http = Pipeline.CreateHttpClient(Options(o => o.MaxReplayBufferBytes = 8));
        var content = new StreamContent(new ForwardOnlyStream(new MemoryStream("cannot be replayed"u8.ToArray())));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("echo", content));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("MaxReplayBufferBytes, 8 bytes", ex.Message);
    }

    [Fact]
    public async Task SendAsync_SizedBodyOverReplayCap_FailsClearly()
    {
        using var http = Pipeline.CreateHttpClient(Options(o => o.MaxReplayBufferBytes = 8));
        var content = new StreamContent(new ForwardOnlyStream(new MemoryStream("more than eight bytes"u8.ToArray())));
        content.Headers.ContentLength = 21;

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync("echo", content));

        Assert.Contains("MaxReplayBufferBytes, 8 bytes", ex.Message);
    }

    private static IResult Challenge() => new ChallengeResult();

    private HeraldClientOptions Options(Action<HeraldClientOptions>? configure = null) => Pipeline.Options(o =>
    {
        o.BaseAddress = _server.BaseAddress;
        o.Auth.LoadBearerToken = _ => ValueTask.FromResult(Stale);
        o.Auth.RefreshBearerToken = _ => ValueTask.FromResult(Fresh);
        configure?.Invoke(o);
    });

    private HeraldClient Client(Action<HeraldClientOptions> configure) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.BaseAddress = _server.BaseAddress;
        configure(o);
    });

    private sealed class ChallengeResult : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"herald\", error=\"invalid_token\"";
            return Task.CompletedTask;
        }
    }
}
