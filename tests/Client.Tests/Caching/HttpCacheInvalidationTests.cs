using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>Unsafe methods invalidate (RFC 9111 §4.4); HEAD is answered from and freshens a stored GET (§4.3.5).</summary>
public sealed class HttpCacheInvalidationTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Send_UnsafeMethodSucceeds_InvalidatesTheUrl(string method)
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=600");

        using var first = await client.GetAsync(url);
        using var change = await client.SendAsync(method, url);
        using var after = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Bypass, change.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, after.CacheStatus);
        Assert.Equal("hit 3", after.Body);
    }

    [Fact]
    public async Task Post_Fails_LeavesTheEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            if (HttpMethods.IsPost(ctx.Request.Method))
            {
                ctx.Response.StatusCode = 500;
                return;
            }

            ctx.Response.Headers.CacheControl = "max-age=600";
            await ctx.Response.WriteAsync($"hit {hit}");
        });

        using var first = await client.GetAsync(url);
        using var failed = await client.PostAsync(url);
        using var after = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, after.CacheStatus);
        Assert.Equal("hit 1", after.Body);
    }

    [Fact]
    public async Task Post_LocationAndContentLocationOnTheSameOrigin_InvalidatedToo()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var item = server.On("Cache-Control", "max-age=600");
        var view = server.On("Cache-Control", "max-age=600");
        var other = server.On("Cache-Control", "max-age=600");
        var collection = server.On((ctx, hit) =>
        {
            ctx.Response.StatusCode = 201;
            ctx.Response.Headers.Location = new Uri(item).AbsolutePath; // relative: resolved against the request
            ctx.Response.Headers.ContentLocation = view;
            return Task.CompletedTask;
        });

        foreach (var url in new[] { item, view, other })
        {
            using var warm = await client.GetAsync(url);
        }

        using var created = await client.PostAsync(collection);
        using var itemAfter = await client.GetAsync(item);
        using var viewAfter = await client.GetAsync(view);
        using var otherAfter = await client.GetAsync(other);

        Assert.Equal(HttpCacheStatus.Miss, itemAfter.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, viewAfter.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, otherAfter.CacheStatus);
    }

    [Fact]
    public async Task Options_Safe_InvalidatesNothing()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=600");

        using var first = await client.GetAsync(url);
        using var options = await client.OptionsAsync(url);
        using var after = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Bypass, options.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, after.CacheStatus);
    }

    [Fact]
    public async Task Head_FreshGetStored_AnsweredFromItsHeaders()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "X-Thing", "yes");

        using var get = await client.GetAsync(url);
        using var head = await client.HeadAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, head.CacheStatus);
        Assert.Equal("yes", head.Headers["X-Thing"]);
        Assert.Equal("5", head.Headers["Content-Length"]);
        Assert.Null(head.Body);
        Assert.Equal(1, server.Hits(url));
    }

    [Fact]
    public async Task Head_NothingStored_GoesToTheServerAndStoresNothing()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var head = await client.HeadAsync(url);
        using var get = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.NotCacheable, head.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, get.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Head_StaleGetSameETag_FreshensTheStoredGet()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.Date = clock.GetUtcNow().ToString("r");
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.ETag = "\"same\"";
            ctx.Response.Headers["X-Hit"] = hit.ToString();
            await ctx.Response.WriteAsync("body");
        });

        using var get = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var head = await client.HeadAsync(url);
        using var getAgain = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, head.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, getAgain.CacheStatus);
        Assert.Equal("2", getAgain.Headers["X-Hit"]);
        Assert.Equal("body", getAgain.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Head_StaleGetOtherETag_DropsTheStoredGet()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.ETag = $"\"v{hit}\"";
            await ctx.Response.WriteAsync($"hit {hit}");
        });

        using var get = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var head = await client.HeadAsync(url);
        using var getAgain = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale"));

        Assert.Equal(HttpCacheStatus.Miss, getAgain.CacheStatus);
        Assert.Equal("hit 3", getAgain.Body);
        Assert.False(server.Requests(url)[2].ContainsKey("If-None-Match"));
    }
}
