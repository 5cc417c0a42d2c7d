using Herald.Client.Internal;

namespace Herald.Client.Tests.Caching;

/// <summary>
/// A malformed Cache-Control never throws and errs on the safe side: invalid freshness makes a response stale
/// (RFC 9111 §4.2.1), a directive in stray quotes still counts, and what can be read is kept.
/// </summary>
public sealed class HttpCacheMalformedTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Theory]
    [InlineData("max-age=abc")]
    [InlineData("max-age=")]
    [InlineData("max-age")]
    [InlineData("max-age=-5")]
    [InlineData("max-age=6 0")]
    [InlineData("max-age=1.5")]
    [InlineData("max-age=\"60")]
    [InlineData("max-age=60\"")]
    [InlineData("max-age=60, max-age=120")]
    [InlineData("max-age=60, max-age=x")]
    [InlineData("no-store\", max-age=60")]
    [InlineData("\"no-store\", max-age=60")]
    [InlineData("max-age=60, no-store")]
    public async Task Get_MalformedOrConflictingFreshness_NotReusedWithoutTheServer(string cacheControl)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", cacheControl);

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(200, second.Status);
        Assert.Equal("hit 2", second.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Theory]
    [InlineData("max-age=\"60\"")]                      // the quoted form senders should not use, readable all the same
    [InlineData("max-age=60, max-age=60")]              // repeated with the same value
    [InlineData("MAX-AGE=60")]                          // names are case-insensitive
    [InlineData(" , max-age=60 ,, ")]                   // empty list elements
    [InlineData("max-age=99999999999999999999999")]     // too large: taken as 2^31 seconds
    [InlineData("foo=\"a,b\", max-age=60")]             // an unknown extension with a quoted comma
    [InlineData("private=\"Set-Cookie\", max-age=60")]  // the qualified form
    [InlineData("max-age=60, ===, \"")]                 // garbage after a readable directive
    public async Task Get_OddButReadableCacheControl_Reused(string cacheControl)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", cacheControl);

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Get_TwoCacheControlLines_ReadTogether()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Cache-Control", "no-store");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_MalformedRequestMaxAge_TakenAsZero()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=600");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var second = await client.GetAsync(url, r => r.Header("Cache-Control", "max-age=soon"));

        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
    }

    [Fact]
    public async Task Get_MalformedAge_IgnoredNotThrown()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Age", "old");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("0", second.Headers["Age"]);
    }

    [Fact]
    public async Task Get_AgeFromUpstream_CountsTowardsTheLifetime()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Age", "50");

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(5));
        using var second = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(5));
        using var third = await client.GetAsync(url);

        Assert.Equal("55", second.Headers["Age"]);
        Assert.Equal(HttpCacheStatus.Miss, third.CacheStatus);
    }

    [Theory]
    [InlineData("max-age=60", 60L, false)]
    [InlineData("max-age=\"60\"", 60L, false)]
    [InlineData("max-age=60,max-age=61", null, true)]
    [InlineData("max-age=x", null, true)]
    [InlineData("max-age=2147483648", 2147483648L, false)]
    [InlineData("max-age=99999999999999", 2147483648L, false)]
    [InlineData("no-cache, max-age=5", 5L, false)]
    public void ParseLine_MaxAge_ReadsOrMarksInvalid(string line, long? seconds, bool invalid)
    {
        var control = default(CacheControl);

        CacheControl.ParseLine(line, ref control);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), control.MaxAge);
        Assert.Equal(invalid, control.MaxAgeInvalid);
    }

    [Theory]
    [InlineData("max-stale", true, null)]
    [InlineData("max-stale=30", false, 30L)]
    [InlineData("max-stale=x", false, null)]
    public void ParseLine_MaxStale_BareMeansAny(string line, bool any, long? seconds)
    {
        var control = default(CacheControl);

        CacheControl.ParseLine(line, ref control);

        Assert.Equal(any ? TimeSpan.MaxValue : seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), control.MaxStale);
    }
}
