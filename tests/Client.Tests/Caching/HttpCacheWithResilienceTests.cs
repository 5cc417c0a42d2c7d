using Herald.Client.Tests.LoadBalancing.Support;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>The cache under retry, circuit breaker and failover: its own answers are final, not the service's failures.</summary>
public sealed class HttpCacheWithResilienceTests(CacheServer server) : IClassFixture<CacheServer>, IAsyncLifetime
{
    private TargetServer _other = null!;

    public async Task InitializeAsync() => _other = await TargetServer.StartAsync("other");

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task Get_OnlyIfCachedMissUnderRetryBreakerAndFailover_504ReturnedOnceAsItIs()
    {
        var clock = CacheClients.Clock();
        var changes = new List<CircuitStateChange>();
        using var client = CacheClients.Create(clock, client: o =>
        {
            o.AddRetry(r => r.Delay = TimeSpan.Zero); // a retry would not even wait: only Attempts shows it
            o.AddCircuitBreaker(c =>
            {
                c.MinimumThroughput = 2;
                c.FailureRatio = 0.5;
                c.OnStateChange = changes.Add;
            });
            o.AddFailover(f =>
            {
                f.Targets.Add(server.Server.Url("/"));
                f.Targets.Add(_other.Target);
            });
        });
        var url = server.On("Cache-Control", "max-age=60");

        var responses = new List<HeraldResponse>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await client.GetAsync(url, r => r.Header("Cache-Control", "only-if-cached")));
        }

        Assert.All(responses, response =>
        {
            Assert.Equal(504, response.Status);
            Assert.Equal(HttpCacheStatus.Unavailable, response.CacheStatus);
            Assert.Equal(1, response.Attempts);
            Assert.Empty(response.FailedTargets);
            Assert.Equal(server.Server.Url("/"), response.Target);
            response.Dispose();
        });
        Assert.Equal(0, server.Hits(url));
        Assert.Equal(0, _other.Hits);
        Assert.Empty(changes);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
    }

    [Fact]
    public async Task Get_ServerAnswers504UnderRetry_StillRetried()
    {
        // The mark is the cache's own: a gateway's 504 stays a transient failure.
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, client: o => o.AddRetry(r =>
        {
            r.Delay = TimeSpan.Zero;
            r.MaxRetryAttempts = 1;
        }));
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.StatusCode = 504;
            await ctx.Response.WriteAsync($"gateway {hit}");
        });

        using var response = await client.GetAsync(url);

        Assert.Equal(504, response.Status);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, server.Hits(url));
    }
}
