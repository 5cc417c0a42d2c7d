using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>Freshness (RFC 9111 §4.2): max-age, Expires, heuristics, and the directives that forbid or limit reuse.</summary>
public sealed class HttpCacheFreshnessTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Fact]
    public async Task Get_MaxAgeWithinLifetime_ServedFromCacheWithAge()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(10));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, first.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("hit 1", second.Body);
        Assert.Equal("10", second.Headers["Age"]);
        Assert.Equal(200, second.Status);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Get_CacheClockSet_AgesEntriesInsteadOfTheClientClock()
    {
        var cacheClock = CacheClients.Clock();
        using var client = CacheClients.Create(CacheClients.Clock(), o => o.TimeProvider = cacheClock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        cacheClock.Advance(TimeSpan.FromSeconds(61));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_MaxAgeElapsed_GoesToTheServerAgain()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(60));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal("hit 2", second.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_ExpiresRelativeToDate_FreshUntilThen()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Expires", CacheServer.Date.AddSeconds(30).ToString("r"));

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(29));
        using var fresh = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var stale = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, fresh.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, stale.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("yesterday")]
    public async Task Get_InvalidExpires_TreatedAsAlreadyExpired(string expires)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Expires", expires);

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal("hit 2", second.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_MaxAgeAndExpires_MaxAgeWins()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=100", "Expires", CacheServer.Date.AddSeconds(10).ToString("r"));

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(50));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
    }

    [Fact]
    public async Task Get_LastModifiedOnly_FreshForTenPercentOfItsAge()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Last-Modified", CacheServer.Date.AddDays(-10).ToString("r")); // heuristic lifetime: 1 day

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromHours(23));
        using var fresh = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromHours(2));
        using var stale = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, fresh.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, stale.CacheStatus);
        Assert.Equal(CacheServer.Date.AddDays(-10).ToString("r"), server.Requests(url)[1]["If-Modified-Since"]);
    }

    [Fact]
    public async Task Get_HeuristicFractionSet_UsesIt()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.HeuristicFraction = 0.5);
        var url = server.On("Last-Modified", CacheServer.Date.AddDays(-10).ToString("r")); // 5 days

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromDays(4));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Get_HeuristicFractionZero_NeverFreshWithoutExplicitLifetime()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.HeuristicFraction = 0);
        var url = server.On("Last-Modified", CacheServer.Date.AddDays(-10).ToString("r"));

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_SMaxAgeOnly_IgnoredByAPrivateCache()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=0, s-maxage=600");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal("hit 2", second.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_Private_StoredByAPrivateCache()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "private, max-age=60");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Get_ResponseNoStore_NeverStored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "no-store, max-age=60");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.NotCacheable, first.CacheStatus);
        Assert.Equal(HttpCacheStatus.NotCacheable, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_RequestNoStore_ResponseNotStored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url, r => r.Header("Cache-Control", "no-store"));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.NotCacheable, first.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_RequestNoCache_RevalidatesAFreshEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(CacheServer.Headers("Cache-Control", "max-age=60", "ETag", "\"v1\""));

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url, r => r.Header("Cache-Control", "no-cache"));

        Assert.Equal(2, server.Hits(url));
        Assert.Equal("\"v1\"", server.Requests(url)[1]["If-None-Match"]);
    }

    [Fact]
    public async Task Get_PragmaNoCacheWithoutCacheControl_RevalidatesAFreshEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url, r => r.Header("Pragma", "no-cache"));

        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_RequestMaxAgeBelowTheEntrysAge_GoesToTheServer()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=600");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var young = await client.GetAsync(url, r => r.Header("Cache-Control", "max-age=60"));
        using var old = await client.GetAsync(url, r => r.Header("Cache-Control", "max-age=10"));

        Assert.Equal(HttpCacheStatus.Hit, young.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, old.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_RequestMinFresh_RefusesAnEntryAboutToExpire()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(40));
        using var enough = await client.GetAsync(url, r => r.Header("Cache-Control", "min-fresh=10"));
        using var notEnough = await client.GetAsync(url, r => r.Header("Cache-Control", "min-fresh=30"));

        Assert.Equal(HttpCacheStatus.Hit, enough.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, notEnough.CacheStatus);
    }

    [Fact]
    public async Task Get_RequestMaxStale_ServesAStaleEntryWithinIt()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(90));
        using var within = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale=60"));
        using var any = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale"));
        using var beyond = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale=10"));

        Assert.Equal(HttpCacheStatus.Hit, within.CacheStatus);
        Assert.Equal("90", within.Headers["Age"]);
        Assert.Equal(HttpCacheStatus.Hit, any.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, beyond.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_MustRevalidate_NeverServedStaleEvenWithMaxStale()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60, must-revalidate");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var second = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale"));

        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_OnlyIfCachedWithNothingStored_Answers504WithoutTheServer()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var response = await client.GetAsync(url, r => r.Header("Cache-Control", "only-if-cached"));

        Assert.Equal(504, response.Status);
        Assert.Equal(HttpCacheStatus.Unavailable, response.CacheStatus);
        Assert.Contains("only-if-cached", (string)response.Body!, StringComparison.Ordinal);
        Assert.Equal(0, server.Hits(url));
    }

    [Fact]
    public async Task Get_OnlyIfCachedWithAStaleEntry_Answers504WithoutTheServer()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromMinutes(2));
        using var stale = await client.GetAsync(url, r => r.Header("Cache-Control", "only-if-cached"));
        using var staleAccepted = await client.GetAsync(url, r => r.Header("Cache-Control", "only-if-cached, max-stale"));

        Assert.Equal(504, stale.Status);
        Assert.Equal(200, staleAccepted.Status);
        Assert.Equal(HttpCacheStatus.Hit, staleAccepted.CacheStatus);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Get_OnlyIfCachedMissWithThrowingClient_ThrowsHeraldHttpExceptionFor504()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, client: o => o.ThrowOnError = true);
        var url = server.On("Cache-Control", "max-age=60");

        var error = await Assert.ThrowsAsync<HeraldHttpException>(
            () => client.GetAsync(url, r => r.Header("Cache-Control", "only-if-cached")));

        Assert.Equal(504, error.Response.Status);
        Assert.Equal(0, server.Hits(url));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(203)]
    [InlineData(204)]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(308)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(410)]
    [InlineData(414)]
    [InlineData(501)]
    public async Task Get_StatusCacheableByDefault_StoredWithHeuristicFreshness(int status)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, client: o => o.Redirects.Strategy = RedirectStrategy.None);
        var url = server.On(StatusWithLastModified(status));

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(status, second.Status);
        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(1, server.Hits(url));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Get_StatusNotCacheableByDefault_NotStoredWithoutExplicitFreshness(int status)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, client: o => o.Redirects.Strategy = RedirectStrategy.None);
        var url = server.On(StatusWithLastModified(status));

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.NotCacheable, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_NotCacheableByDefaultWithMaxAge_Stored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, client: o => o.Redirects.Strategy = RedirectStrategy.None);
        var url = server.On((ctx, hit) =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = "/elsewhere";
            ctx.Response.Headers.CacheControl = "max-age=60";
            return Task.CompletedTask;
        });

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("/elsewhere", second.Headers["Location"]);
    }

    private static Func<Microsoft.AspNetCore.Http.HttpContext, int, Task> StatusWithLastModified(int status) => async (ctx, hit) =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.LastModified = CacheServer.Date.AddDays(-10).ToString("r");
        if (status is >= 300 and < 400)
        {
            ctx.Response.Headers.Location = "/elsewhere";
        }

        if (status != 204)
        {
            await ctx.Response.WriteAsync($"hit {hit}");
        }
    };
}
