using Herald.Client.Testing;

namespace Herald.Client.Tests.Caching;

/// <summary>AddCache: its place in the pipeline, and options checked when it is called.</summary>
public sealed class CacheClientOptionsExtensionsTests
{
    [Fact]
    public void AddCache_Default_SitsBetweenAuthAndCookies()
    {
        var options = new HeraldClientOptions();

        options.AddCache();

        Assert.Equal(
            [HeraldMiddleware.Redirects, HeraldMiddleware.Auth, HeraldMiddleware.Cache, HeraldMiddleware.Cookies, HeraldMiddleware.Decompression, HeraldMiddleware.Logging],
            options.Middleware.Names);
    }

    [Fact]
    public void AddCache_Twice_ReplacesTheEntry()
    {
        var options = new HeraldClientOptions();

        options.AddCache().AddCache(o => o.MaxBodyBytes = 10);

        Assert.Single(options.Middleware.Names, n => n == HeraldMiddleware.Cache);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData((long)int.MaxValue + 1)]
    public void AddCache_MaxBodyBytesOutOfRange_ThrowsNamingIt(long value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddCache(o => o.MaxBodyBytes = value));

        Assert.Contains("HttpCacheOptions.MaxBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void AddCache_HeuristicFractionOutOfRange_ThrowsNamingIt(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddCache(o => o.HeuristicFraction = value));

        Assert.Contains("HttpCacheOptions.HeuristicFraction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCache_NullStore_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddCache(o => o.Store = null!));

        Assert.Contains("HttpCacheOptions.Store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCache_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CacheClientOptionsExtensions.AddCache(null!));
    }

    [Fact]
    public async Task CacheStatus_WithoutTheCache_IsNone()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "/x").Respond(200, "x");
        using var client = new HeraldClient(o => o.UseFakeTransport(fake));

        using var response = await client.GetAsync("http://example.test/x");

        Assert.Equal(HttpCacheStatus.None, response.CacheStatus);
    }
}
