using System.Net;
using System.Net.Http.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Cookies;

/// <summary>Sets and reads cookies over HTTP: <c>/set/{encoding}/{index}</c>, <c>/get/{encoding}</c>, <c>/expire</c>.</summary>
public sealed class CookieApp : IAsyncLifetime
{
    public static readonly string[] Values =
    [
        "plain",
        "with spaces",
        "semi;colon",
        "com,ma",
        "quo\"te",
        "back\\slash",
        "%41 looks encoded",
        "Grüße",
        "中文",
        "emoji 😀",
        "",
        "  lead and trail  ",
        "=equals=",
        "tab\tinside",
        "a+b/c==",
    ];

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(a =>
    {
        a.MapGet("/set/{encoding}/{index:int}", (HttpContext ctx, CookieEncoding encoding, int index) =>
        {
            ctx.Response.AppendCookie("c", Values[index], encoding);
            return Respond.Status(204);
        });
        a.MapGet("/get/{encoding}", (HttpContext ctx, CookieEncoding encoding) =>
            Results.Json(new CookieRead(ctx.Request.Cookie("c", encoding))));
        a.MapGet("/expire", (HttpContext ctx) =>
        {
            ctx.Response.AppendExpired("c");
            return Respond.Status(204);
        });
    });

    public async Task DisposeAsync() => await App.DisposeAsync();

    public HttpClient CreateBrowserlessClient() =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };
}

public sealed record CookieRead(string? Value);

public sealed class CookieTests(CookieApp fixture) : IClassFixture<CookieApp>
{
    public static TheoryData<CookieEncoding, int> RoundTrips()
    {
        var data = new TheoryData<CookieEncoding, int>();
        foreach (var encoding in new[] { CookieEncoding.DoubleQuotes, CookieEncoding.Uri, CookieEncoding.Base64 })
        {
            for (var i = 0; i < CookieApp.Values.Length; i++)
            {
                data.Add(encoding, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public async Task AppendCookie_AnyString_RoundTripsThroughCookieJar(CookieEncoding encoding, int index)
    {
        using var client = fixture.CreateBrowserlessClient();

        using var set = await client.GetAsync($"/set/{encoding}/{index}");
        var read = await client.GetFromJsonAsync<CookieRead>($"/get/{encoding}");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(CookieApp.Values[index], read?.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(14)]
    public async Task AppendCookie_RawSafeValue_RoundTripsUnchanged(int index)
    {
        using var client = fixture.CreateBrowserlessClient();

        using var set = await client.GetAsync($"/set/{CookieEncoding.Raw}/{index}");
        var read = await client.GetFromJsonAsync<CookieRead>($"/get/{CookieEncoding.Raw}");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(CookieApp.Values[index], read?.Value);
    }

    [Fact]
    public async Task AppendCookie_RawPercentValue_IsNotDecoded()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/set", (HttpContext ctx) => { ctx.Response.AppendCookie("id", "%41%42", CookieEncoding.Raw); });
            a.MapGet("/get", (HttpContext ctx) => ctx.Request.Cookie("id", CookieEncoding.Raw) ?? "(none)");
        });
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };

        using var set = await client.GetAsync("/set");

        Assert.Equal(["id=%41%42; path=/; samesite=lax; httponly"], set.Headers.GetValues("Set-Cookie"));
        Assert.Equal("%41%42", await client.GetStringAsync("/get"));
    }

    [Theory]
    [InlineData(CookieEncoding.Raw, "yummy_cookie=choco")]
    [InlineData(CookieEncoding.Uri, "yummy_cookie=choco")]
    [InlineData(CookieEncoding.DoubleQuotes, "yummy_cookie=\"choco\"")]
    [InlineData(CookieEncoding.Base64, "yummy_cookie=Y2hvY28=")]
    public async Task AppendCookie_OverHttp_DefaultsHttpOnlyLaxNotSecure(CookieEncoding encoding, string pair)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/cookie", (HttpContext ctx) => { ctx.Response.AppendCookie("yummy_cookie", "choco", encoding); }));

        using var response = await app.Client.GetAsync("/cookie");

        Assert.Equal([pair + "; path=/; samesite=lax; httponly"], response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task AppendCookie_OverHttps_DefaultsSecure()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            // What a TLS listener or the forwarded-headers middleware does: the request is HTTPS.
            a.Use((ctx, next) =>
            {
                ctx.Request.Scheme = "https";
                return next(ctx);
            });
            a.MapGet("/cookie", (HttpContext ctx) =>
            {
                ctx.Response.AppendCookie("session", "abc").AppendCookie("__Host-id", "1").AppendCookie("plain", "x", configure: o => o.Secure = false);
            });
        });

        using var response = await app.Client.GetAsync("/cookie");

        Assert.Equal(
            ["session=abc; path=/; secure; samesite=lax; httponly", "__Host-id=1; path=/; secure; samesite=lax; httponly", "plain=x; path=/; samesite=lax; httponly"],
            response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task AppendCookie_Configure_OverridesEachDefaultAndAddsAttributes()
    {
        var expires = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/cookie", (HttpContext ctx) =>
        {
            ctx.Response
                .AppendCookie("prefs", "dark mode", CookieEncoding.Uri, o =>
                {
                    o.HttpOnly = false;
                    o.SameSite = SameSiteMode.Strict;
                    o.MaxAge = TimeSpan.FromHours(1.5);
                    o.Expires = expires;
                    o.Domain = "example.com";
                    o.Path = "/app";
                    o.Extensions.Add("priority=high");
                })
                .AppendCookie("cross", "1", configure: o => { o.SameSite = SameSiteMode.None; o.Secure = true; })
                .AppendCookie("loose", "1", configure: o => o.SameSite = SameSiteMode.Unspecified);
        }));

        using var response = await app.Client.GetAsync("/cookie");

        Assert.Equal(
            [
                "prefs=dark%20mode; expires=Mon, 06 May 2030 07:08:09 GMT; max-age=5400; domain=example.com; path=/app; samesite=strict; priority=high",
                "cross=1; path=/; secure; samesite=none; httponly",
                "loose=1; path=/; httponly",
            ],
            response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task AppendExpired_RemovesCookieFromJar()
    {
        using var client = fixture.CreateBrowserlessClient();
        using var set = await client.GetAsync($"/set/{CookieEncoding.Uri}/0");
        Assert.Equal("plain", (await client.GetFromJsonAsync<CookieRead>($"/get/{CookieEncoding.Uri}"))?.Value);

        using var expire = await client.GetAsync("/expire");

        Assert.Equal(["c=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/; samesite=lax; httponly"], expire.Headers.GetValues("Set-Cookie"));
        Assert.Null((await client.GetFromJsonAsync<CookieRead>($"/get/{CookieEncoding.Uri}"))?.Value);
    }

    [Fact]
    public async Task AppendExpired_DomainPathAndPrefix_AreWritten()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/logout", (HttpContext ctx) =>
        {
            ctx.Response.AppendExpired("session", "example.com", "/app").AppendExpired("__Secure-token");
        }));

        using var response = await app.Client.GetAsync("/logout");

        Assert.Equal(
            [
                "session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; domain=example.com; path=/app; samesite=lax; httponly",
                "__Secure-token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=/; secure; samesite=lax; httponly",
            ],
            response.Headers.GetValues("Set-Cookie"));
    }

    [Fact]
    public async Task RequestCookie_ReadsRawHeader()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/read", (HttpContext ctx) => Results.Json(new[]
        {
            ctx.Request.Cookie("a", CookieEncoding.Raw),
            ctx.Request.Cookie("b"),
            ctx.Request.Cookie("A", CookieEncoding.Raw),
            ctx.Request.Cookie("q", CookieEncoding.DoubleQuotes),
            ctx.Request.Cookie("bad64", CookieEncoding.Base64),
            ctx.Request.Cookie("missing"),
            ctx.Request.Cookie("dup", CookieEncoding.Raw),
            ctx.Request.Cookie("b64", CookieEncoding.Base64),
        })));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/read");
        request.Headers.TryAddWithoutValidation("Cookie", "a=1; b=x%20y;A=upper ;  q=\"two words, here\"; bad64=***; dup=first; dup=second; b64=w7w=");

        using var response = await app.Client.SendAsync(request);

        string?[] expected = ["1", "x y", "upper", "two words, here", null, null, "first", "ü"];
        Assert.Equal(expected, await response.Content.ReadFromJsonAsync<string?[]>());
    }

    [Theory]
    [InlineData(" ", "a space")]
    [InlineData(";", "';'")]
    [InlineData(",", "','")]
    [InlineData("\"", "'\"'")]
    [InlineData("\\", "'\\'")]
    [InlineData("ü", "U+00FC")]
    [InlineData("\u0001", "U+0001")]
    public void AppendCookie_RawUnsafeValue_ThrowsNamingBetterEncoding(string bad, string shown)
    {
        var e = Assert.Throws<ArgumentException>("value", () => new DefaultHttpContext().Response.AppendCookie("c", "a" + bad + "b", CookieEncoding.Raw));
        Assert.Contains(shown, e.Message, StringComparison.Ordinal);
        Assert.Contains("CookieEncoding.Uri", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\r\nb")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    public void AppendCookie_LineBreakOrNul_ThrowsForEveryPart(string bad)
    {
        var response = new DefaultHttpContext().Response;
        foreach (var encoding in Enum.GetValues<CookieEncoding>())
        {
            Assert.Throws<ArgumentException>("value", () => response.AppendCookie("c", bad, encoding));
        }

        Assert.Throws<ArgumentException>("name", () => response.AppendCookie(bad, "v"));
        Assert.Throws<ArgumentException>("configure.Domain", () => response.AppendCookie("c", "v", configure: o => o.Domain = bad));
        Assert.Throws<ArgumentException>("configure.Path", () => response.AppendCookie("c", "v", configure: o => o.Path = bad));
        Assert.Throws<ArgumentException>("configure.Extensions", () => response.AppendCookie("c", "v", configure: o => o.Extensions.Add(bad)));
        Assert.Throws<ArgumentException>("name", () => response.AppendExpired(bad));
        Assert.Throws<ArgumentException>("domain", () => response.AppendExpired("c", domain: bad));
        Assert.Throws<ArgumentException>("path", () => response.AppendExpired("c", path: bad));
        Assert.Equal(0, response.Headers.SetCookie.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("my cookie")]
    [InlineData("a;b")]
    [InlineData("a=b")]
    [InlineData("ü")]
    public void AppendCookie_InvalidName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>("name", () => new DefaultHttpContext().Response.AppendCookie(name, "v"));
        Assert.Contains("cookie name", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("name", () => new DefaultHttpContext().Response.AppendExpired(name));
    }

    [Fact]
    public void AppendCookie_AttributesBrowsersDrop_Throw()
    {
        var response = new DefaultHttpContext().Response;

        Assert.Throws<ArgumentException>("configure.Path", () => response.AppendCookie("c", "v", configure: o => o.Path = "/a;secure"));
        Assert.Throws<ArgumentException>("configure.Domain", () => response.AppendCookie("c", "v", configure: o => o.Domain = "bücher.example"));
        var none = Assert.Throws<ArgumentException>("configure", () => response.AppendCookie("c", "v", configure: o => o.SameSite = SameSiteMode.None));
        Assert.Contains("SameSite=None without Secure", none.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("configure", () => response.AppendCookie("__Host-id", "v"));
        Assert.Throws<ArgumentException>("configure", () => response.AppendCookie("__Host-id", "v", configure: o => { o.Secure = true; o.Domain = "example.com"; }));
        Assert.Throws<ArgumentException>("configure", () => response.AppendCookie("__Secure-id", "v"));
        Assert.Throws<ArgumentNullException>("value", () => response.AppendCookie("c", null!));
        Assert.Equal(0, response.Headers.SetCookie.Count);
    }
}
