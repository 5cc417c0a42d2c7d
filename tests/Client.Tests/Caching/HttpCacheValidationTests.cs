using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>Revalidation (RFC 9111 §4.3): conditional requests, 304 merging, replacement, and errors on the way.</summary>
public sealed class HttpCacheValidationTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Fact]
    public async Task Get_StaleWithETag_SendsIfNoneMatchAndServesTheStoredBodyOn304()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.Date = clock.GetUtcNow().ToString("r"); // a server whose clock agrees with the client's
            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers["X-Version"] = hit.ToString();
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync("original body");
        });

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var validated = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(30));
        using var afterwards = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Validated, validated.CacheStatus);
        Assert.Equal(200, validated.Status);
        Assert.Equal("original body", validated.Body);
        Assert.Equal("2", validated.Headers["X-Version"]);                 // the 304's headers replace the stored ones
        Assert.Equal("text/plain; charset=utf-8", validated.Headers["Content-Type"]);
        Assert.Equal("\"v1\"", server.Requests(url)[1]["If-None-Match"]);
        Assert.Equal(HttpCacheStatus.Hit, afterwards.CacheStatus);          // and the entry is fresh again
        Assert.Equal("30", afterwards.Headers["Age"]);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_StaleWithLastModified_SendsIfModifiedSince()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var lastModified = CacheServer.Date.AddDays(-1).ToString("r");
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.LastModified = lastModified;
            ctx.Response.Headers.CacheControl = "max-age=60";
            if (ctx.Request.Headers.IfModifiedSince == lastModified)
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            await ctx.Response.WriteAsync("body");
        });

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Validated, second.CacheStatus);
        Assert.Equal("body", second.Body);
        Assert.Equal(lastModified, server.Requests(url)[1]["If-Modified-Since"]);
    }

    [Fact]
    public async Task Get_ResponseNoCache_RevalidatesEveryTime()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.ETag = "\"e\"";
            ctx.Response.Headers.CacheControl = "no-cache, max-age=600";
            if (ctx.Request.Headers.IfNoneMatch == "\"e\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            await ctx.Response.WriteAsync("kept");
        });

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        using var third = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Validated, second.CacheStatus);
        Assert.Equal(HttpCacheStatus.Validated, third.CacheStatus);
        Assert.Equal("kept", third.Body);
        Assert.Equal(3, server.Hits(url));
    }

    [Fact]
    public async Task Get_RevalidationAnswered200_ReplacesTheEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.Date = clock.GetUtcNow().ToString("r");
            ctx.Response.Headers.ETag = $"\"v{hit}\"";
            ctx.Response.Headers.CacheControl = "max-age=60";
            await ctx.Response.WriteAsync($"version {hit}");
        });

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var replaced = await client.GetAsync(url);
        using var hit = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, replaced.CacheStatus);
        Assert.Equal("version 2", replaced.Body);
        Assert.Equal("\"v1\"", server.Requests(url)[1]["If-None-Match"]);
        Assert.Equal(HttpCacheStatus.Hit, hit.CacheStatus);
        Assert.Equal("version 2", hit.Body);
    }

    [Fact]
    public async Task Get_RevalidationAnswered503WithMustRevalidate_PassesTheErrorThroughAndKeepsTheEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            if (hit == 2)
            {
                ctx.Response.StatusCode = 503;
                await ctx.Response.WriteAsync("down");
                return;
            }

            ctx.Response.Headers.ETag = "\"v\"";
            ctx.Response.Headers.CacheControl = "max-age=60, must-revalidate";
            if (ctx.Request.Headers.IfNoneMatch == "\"v\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            await ctx.Response.WriteAsync("good");
        });

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var failed = await client.GetAsync(url);
        using var recovered = await client.GetAsync(url);

        Assert.Equal(503, failed.Status);
        Assert.Equal("down", failed.Body);
        Assert.Equal(HttpCacheStatus.NotCacheable, failed.CacheStatus);
        Assert.Equal(HttpCacheStatus.Validated, recovered.CacheStatus); // the stale entry survived the outage
        Assert.Equal("good", recovered.Body);
        Assert.Equal("\"v\"", server.Requests(url)[2]["If-None-Match"]);
    }

    [Fact]
    public async Task Get_RevalidationAnsweredNoStore_DropsTheOutdatedEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.ETag = $"\"v{hit}\"";
            ctx.Response.Headers.CacheControl = hit == 1 ? "max-age=60" : "no-store";
            await ctx.Response.WriteAsync($"version {hit}");
        });

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(61));
        using var second = await client.GetAsync(url);
        using var third = await client.GetAsync(url, r => r.Header("Cache-Control", "max-stale"));

        Assert.Equal("version 2", second.Body);
        Assert.Equal("version 3", third.Body);
        Assert.False(server.Requests(url)[2].ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task Get_CallersOwnConditionalRequest_PassesThroughUntouched()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.ETag = "\"v\"";
            ctx.Response.Headers.CacheControl = "max-age=60";
            if (ctx.Request.Headers.IfNoneMatch == "\"v\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            await ctx.Response.WriteAsync("body");
        });

        using var first = await client.GetAsync(url);
        using var mine = await client.GetAsync(url, r => r.Header("If-None-Match", "\"v\""));

        Assert.Equal(304, mine.Status);
        Assert.Equal(HttpCacheStatus.Bypass, mine.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_ConditionalHeadersOfTheCache_NotLeftOnTheCallersMessage()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(CacheServer.Headers("ETag", "\"v\"", "Cache-Control", "max-age=1"));

        using var first = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(2));
        using var second = await client.GetAsync(url);

        Assert.Equal("\"v\"", server.Requests(url)[1]["If-None-Match"]);
        Assert.False(second.Message.RequestMessage!.Headers.Contains("If-None-Match"));
    }

    [Fact]
    public async Task Get_Redirect301Cached_FollowedFromTheCache()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var target = server.On("Cache-Control", "max-age=60");
        var url = server.On((ctx, hit) =>
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = target;
            ctx.Response.Headers.CacheControl = "max-age=60";
            return Task.CompletedTask;
        });

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal("hit 1", second.Body);
        Assert.Equal([new Uri(target)], second.RedirectTrace);
        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(1, server.Hits(url));
        Assert.Equal(1, server.Hits(target));
    }

    [Fact]
    public async Task Get_ServerDateBehindTheClient_AgeCountsTheGap()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60"); // Date is always CacheServer.Date

        clock.Advance(TimeSpan.FromSeconds(45));
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(15));
        using var third = await client.GetAsync(url);

        Assert.Equal("45", second.Headers["Age"]); // apparent age: received 45 s after its Date (RFC 9111 4.2.3)
        Assert.Equal(HttpCacheStatus.Miss, third.CacheStatus);
    }
}
