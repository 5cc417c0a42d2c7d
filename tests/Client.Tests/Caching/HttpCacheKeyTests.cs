using System.Text;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>What an entry is keyed on: the URL, the headers Vary names (RFC 9111 §4.1), and the credentials sent.</summary>
public sealed class HttpCacheKeyTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Fact]
    public async Task Get_VaryAccept_SameAcceptHitsOtherAcceptMisses()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Vary", "Accept");

        using var json = await client.GetAsync(url, r => r.Accept("json"));
        using var jsonAgain = await client.GetAsync(url, r => r.Accept("json"));
        using var xml = await client.GetAsync(url, r => r.Accept("xml"));

        Assert.Equal(HttpCacheStatus.Hit, jsonAgain.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, xml.CacheStatus);
        Assert.Equal("hit 2", xml.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_VaryAccept_KeepsEachVariant()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.Vary = "Accept";
            await ctx.Response.WriteAsync($"{ctx.Request.Headers.Accept} {hit}");
        });

        using var json = await client.GetAsync(url, r => r.Accept("json"));
        using var xml = await client.GetAsync(url, r => r.Accept("xml"));
        using var jsonAgain = await client.GetAsync(url, r => r.Accept("json"));
        using var xmlAgain = await client.GetAsync(url, r => r.Accept("xml"));

        Assert.Equal("application/json 1", jsonAgain.Body);
        Assert.Equal("application/xml 2", xmlAgain.Body);
        Assert.Equal(HttpCacheStatus.Hit, xmlAgain.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Post_InvalidatesEveryVariant()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var alice = await client.GetAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var bob = await client.GetAsync(url, r => r.Header("Authorization", "Bearer bob"));
        using var change = await client.PostAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var aliceAfter = await client.GetAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var bobAfter = await client.GetAsync(url, r => r.Header("Authorization", "Bearer bob"));

        Assert.Equal(HttpCacheStatus.Miss, aliceAfter.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, bobAfter.CacheStatus); // not his old entry back from the past generation
        Assert.Equal("hit 5", bobAfter.Body);
    }

    [Fact]
    public async Task Get_VaryOnAnAbsentHeader_MatchesOnlyWhileItStaysAbsent()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Vary", "X-Tenant");

        using var none = await client.GetAsync(url);
        using var noneAgain = await client.GetAsync(url);
        using var tenant = await client.GetAsync(url, r => r.Header("X-Tenant", "a"));

        Assert.Equal(HttpCacheStatus.Hit, noneAgain.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, tenant.CacheStatus);
    }

    [Fact]
    public async Task Get_VaryStar_NeverStored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Vary", "Accept, *");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.NotCacheable, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_VaryAcceptEncodingWithDecompression_StoredDecodedAndServed()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.Vary = "Accept-Encoding";
            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.Body.WriteAsync(Compress.Gzip(Encoding.UTF8.GetBytes($"zipped {hit}")));
        });

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("zipped 1", second.Body);
        Assert.Equal("gzip", second.OriginalContentEncoding);
        Assert.False(second.Headers.Contains("Content-Encoding"));
        Assert.Equal("gzip, deflate, br", server.Requests(url)[0]["Accept-Encoding"]);
    }

    [Fact]
    public async Task Get_VaryCookieWithCookiesFromTheJar_NotStored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var login = server.On((ctx, hit) =>
        {
            ctx.Response.Headers.SetCookie = "session=abc; Path=/";
            return Task.CompletedTask;
        });
        var url = server.On("Cache-Control", "max-age=60", "Vary", "Cookie");

        using var loggedIn = await client.GetAsync(login);
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal("session=abc", server.Requests(url)[0]["Cookie"]);
        Assert.Equal(HttpCacheStatus.NotCacheable, second.CacheStatus); // the jar is invisible to a lookup
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_VaryCookieFetchedBeforeLogin_NotServedAfterIt()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var login = server.On((ctx, hit) =>
        {
            ctx.Response.Headers.SetCookie = "session=alice; Path=/";
            return Task.CompletedTask;
        });
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.Headers.Vary = "Cookie";
            await ctx.Response.WriteAsync($"for '{ctx.Request.Headers.Cookie}' ({hit})");
        });

        using var anonymous = await client.GetAsync(url); // the jar is empty: no Cookie
        using var loggedIn = await client.GetAsync(login);
        using var after = await client.GetAsync(url);

        Assert.Equal("for '' (1)", anonymous.Body);
        Assert.Equal("for 'session=alice' (2)", after.Body);
        Assert.Equal(HttpCacheStatus.NotCacheable, after.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_VaryCookieStoredByAClientWithoutCookies_NotServedToOneWithTheJar()
    {
        var clock = CacheClients.Clock();
        var store = new MemoryHttpCacheStore();
        using var cookieless = CacheClients.Create(clock, c => c.Store = store, o => o.Middleware.Remove(HeraldMiddleware.Cookies));
        using var withJar = CacheClients.Create(clock, c => c.Store = store);
        var url = server.On("Cache-Control", "max-age=60", "Vary", "Cookie");

        using var first = await cookieless.GetAsync(url);
        using var again = await cookieless.GetAsync(url);
        using var other = await withJar.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, again.CacheStatus); // without a jar, the Cookie a lookup sees is the one sent
        Assert.NotEqual(HttpCacheStatus.Hit, other.CacheStatus);
        Assert.Equal("hit 2", other.Body);
    }

    [Fact]
    public async Task Get_SetCookie_NotStoredNorReplayedOnHits()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60", "Set-Cookie", "id=42; Path=/");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal("id=42; Path=/", first.Headers["Set-Cookie"]);
        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_DifferentCredentials_NeverShareAnEntry()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "private, max-age=60";
            await ctx.Response.WriteAsync($"for {ctx.Request.Headers.Authorization} ({hit})");
        });

        using var alice = await client.GetAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var aliceAgain = await client.GetAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var bob = await client.GetAsync(url, r => r.Header("Authorization", "Bearer bob"));
        using var anonymous = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, aliceAgain.CacheStatus);
        Assert.Equal("for Bearer alice (1)", aliceAgain.Body);
        Assert.Equal("for Bearer bob (2)", bob.Body);
        Assert.Equal("for  (3)", anonymous.Body);
    }

    [Fact]
    public async Task Get_StoredAnonymously_NotServedToACallWithCredentials()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60"; // no Vary: Authorization, as servers rarely send it
            await ctx.Response.WriteAsync($"for '{ctx.Request.Headers.Authorization}' ({hit})");
        });

        using var anonymous = await client.GetAsync(url);
        using var alice = await client.GetAsync(url, r => r.Header("Authorization", "Bearer alice"));
        using var anonymousAgain = await client.GetAsync(url);

        Assert.Equal("for 'Bearer alice' (2)", alice.Body);
        Assert.Equal(HttpCacheStatus.Miss, alice.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, anonymousAgain.CacheStatus); // each variant has its own entry
        Assert.Equal("for '' (1)", anonymousAgain.Body);
    }

    [Fact]
    public async Task Get_AuthorizedRequest_StoreHoldsOnlyAHashOfTheCredential()
    {
        var clock = CacheClients.Clock();
        var store = new RecordingStore();
        using var client = CacheClients.Create(clock, o => o.Store = store, o => o.Auth.BearerToken = "s3cret-token");
        var url = server.On("Cache-Control", "private, max-age=60");

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("Bearer s3cret-token", server.Requests(url)[0]["Authorization"]);
        Assert.Equal(2, store.Writes.Count); // the URL's record and the entry
        Assert.Contains(store.Writes, w => Encoding.UTF8.GetString(w.Value).Contains("hit 1", StringComparison.Ordinal));
        Assert.All(store.Writes, w =>
        {
            Assert.DoesNotContain("s3cret", w.Key, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", Encoding.UTF8.GetString(w.Value), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Get_CacheAuthorizedRequestsOff_Bypasses()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.CacheAuthorizedRequests = false);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url, r => r.Header("Authorization", "Bearer x"));
        using var second = await client.GetAsync(url, r => r.Header("Authorization", "Bearer x"));
        using var anonymous = await client.GetAsync(url);
        using var anonymousAgain = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Bypass, second.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, anonymousAgain.CacheStatus);
        Assert.Equal(3, server.Hits(url));
    }

    [Fact]
    public async Task Get_QueryIsPartOfTheKey()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var a = await client.GetAsync(url + "?page=1");
        using var b = await client.GetAsync(url + "?page=2");
        using var aAgain = await client.GetAsync(url + "?page=1");

        Assert.Equal(HttpCacheStatus.Miss, b.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, aAgain.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_UseCacheFalse_GoesToTheServerAndStoresNothing()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On("Cache-Control", "max-age=60");

        using var bypassed = await client.GetAsync(url, r => r.UseCache(false));
        using var first = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Bypass, bypassed.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, first.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }
}
