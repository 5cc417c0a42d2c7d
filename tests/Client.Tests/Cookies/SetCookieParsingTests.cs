namespace Herald.Client.Tests.Cookies;

/// <summary>
/// <c>Set-Cookie</c> parsing (RFC 6265 5.2) as <see cref="HeraldResponse.Cookies"/> reports it: every header travels
/// from a real server, and the clock is fake so <c>Max-Age</c> has a known origin.
/// </summary>
public sealed class SetCookieParsingTests(CookieTestServer server) : IClassFixture<CookieTestServer>
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task Cookies_NameValueAndAttributes_AreParsed()
    {
        var cookie = await ParseOne(
            " id = a3f=x ; Path=/docs; Domain=.Example.COM; Secure; HttpOnly; SameSite=Lax; Max-Age=60; Priority=High; Partitioned");

        Assert.Equal("id", cookie.Name);
        Assert.Equal("a3f=x", cookie.Value);
        Assert.Equal("/docs", cookie.Path);
        Assert.Equal("example.com", cookie.Domain);
        Assert.False(cookie.HostOnly);
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(CookieSameSite.Lax, cookie.SameSite);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), cookie.Expires);
        Assert.Equal(_clock.GetUtcNow(), cookie.CreationTime);
        Assert.Equal(
            [new("Priority", "High"), new("Partitioned", null)],
            cookie.Extensions);
        Assert.Equal("id=a3f=x", cookie.ToString());
    }

    [Fact]
    public async Task Cookies_NoAttributes_IsHostOnlySessionCookie()
    {
        var cookie = await ParseOne("plain=1");

        Assert.Null(cookie.Domain);
        Assert.True(cookie.HostOnly);
        Assert.Null(cookie.Path);
        Assert.Null(cookie.Expires);
        Assert.False(cookie.IsPersistent);
        Assert.Equal(CookieSameSite.Unspecified, cookie.SameSite);
        Assert.Empty(cookie.Extensions);
    }

    [Fact]
    public async Task Cookies_SeveralHeaders_AreAllReportedInOrder()
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Set("localhost", "/", "a=1", "b=2; Path=/", "c=3"));

        Assert.Equal(["a", "b", "c"], response.Cookies.Select(c => c.Name));
    }

    [Theory]
    [InlineData("no-equals-sign")]
    [InlineData("=value-without-name")]
    [InlineData("  =x")]
    [InlineData("; Path=/")]
    public async Task Cookies_HeaderRfc6265SaysToIgnore_IsNotReported(string header)
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Set("localhost", "/", header, "ok=1"));

        Assert.Equal(["ok"], response.Cookies.Select(c => c.Name));
    }

    [Fact]
    public async Task Cookies_NameAndValueLongerThan4096_IsIgnored()
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Url("localhost", "/?big=big:4094&big=fits:4092"));

        Assert.Equal(["fits"], response.Cookies.Select(c => c.Name));
    }

    [Fact]
    public async Task Cookies_EmptyValue_IsKept()
    {
        var cookie = await ParseOne("empty=");

        Assert.Equal(string.Empty, cookie.Value);
    }

    [Theory]
    [InlineData("Wed, 21 Oct 2037 07:28:00 GMT")]
    [InlineData("Wednesday, 21-Oct-37 07:28:00 GMT")]
    [InlineData("Wed Oct 21 07:28:00 2037")]
    [InlineData("21 Oct 2037 07:28:00")]
    [InlineData("Wed, 21-Oct-2037 07:28:00 GMT")]
    [InlineData("7:28:00 21 october 2037")]
    public async Task Cookies_ExpiresInAnyCommonFormat_IsParsed(string date)
    {
        using var client = Client(new DateTimeOffset(2037, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var response = await client.GetAsync(server.Set("localhost", "/", $"d=1; Expires={date}"));

        Assert.Equal(new DateTimeOffset(2037, 10, 21, 7, 28, 0, TimeSpan.Zero), response.Cookies.Single().Expires);
    }

    [Theory]
    [InlineData("Sun, 06 Nov 94 08:49:37 GMT", 1994)]
    [InlineData("Sun, 06 Nov 69 08:49:37 GMT", 2069)]
    [InlineData("Sun, 06 Nov 70 08:49:37 GMT", 1970)]
    public async Task Cookies_TwoDigitYear_FollowsRfc6265Window(string date, int year)
    {
        // The clock sits in that year, so the 400-day cap does not hide the parsed date.
        using var client = Client(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var response = await client.GetAsync(server.Set("localhost", "/", $"d=1; Expires={date}"));

        var expires = response.Cookies.Single().Expires;
        Assert.NotNull(expires);
        Assert.Equal(year, expires.Value.Year);
    }

    [Theory]
    [InlineData("Fri, 30 Feb 2035 10:00:00 GMT")]
    [InlineData("Fri, 12 Foo 2035 10:00:00 GMT")]
    [InlineData("Fri, 12 Feb 2035 25:00:00 GMT")]
    [InlineData("Fri, 12 Feb 1600 10:00:00 GMT")]
    [InlineData("tomorrow")]
    public async Task Cookies_InvalidExpires_IsIgnoredAndCookieKept(string date)
    {
        var cookie = await ParseOne($"d=1; Expires={date}");

        Assert.Null(cookie.Expires);
    }

    [Theory]
    [InlineData("m=1; Max-Age=120; Expires=Wed, 21 Oct 2037 07:28:00 GMT")]
    [InlineData("m=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Max-Age=120")]
    public async Task Cookies_MaxAgeAndExpires_MaxAgeWinsInAnyOrder(string header)
    {
        var cookie = await ParseOne(header);

        Assert.Equal(_clock.GetUtcNow().AddSeconds(120), cookie.Expires);
    }

    [Theory]
    [InlineData("Max-Age=0")]
    [InlineData("Max-Age=-5")]
    [InlineData("Max-Age=000")]
    public async Task Cookies_MaxAgeZeroOrLess_ExpiresAtEarliestTime(string attribute)
    {
        var cookie = await ParseOne($"gone=1; {attribute}");

        Assert.Equal(DateTimeOffset.MinValue, cookie.Expires);
        Assert.True(cookie.IsExpired(_clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("Max-Age=abc")]
    [InlineData("Max-Age=1e3")]
    [InlineData("Max-Age=+5")]
    [InlineData("Max-Age=")]
    public async Task Cookies_MalformedMaxAge_IsIgnored(string attribute)
    {
        var cookie = await ParseOne($"m=1; {attribute}");

        Assert.Null(cookie.Expires);
    }

    [Theory]
    [InlineData("Max-Age=99999999999999999999")]
    [InlineData("Expires=Fri, 01 Jan 2100 00:00:00 GMT")]
    public async Task Cookies_ExpiryBeyond400Days_IsCapped(string attribute)
    {
        var cookie = await ParseOne($"long=1; {attribute}");

        Assert.Equal(_clock.GetUtcNow().AddDays(400), cookie.Expires);
    }

    [Fact]
    public async Task Cookies_RepeatedAttribute_LastOneWins()
    {
        var cookie = await ParseOne("r=1; Path=/a; Domain=one.example; Path=/b; Domain=two.example; SameSite=Strict; SameSite=bogus");

        Assert.Equal("/b", cookie.Path);
        Assert.Equal("two.example", cookie.Domain);
        Assert.Equal(CookieSameSite.Unspecified, cookie.SameSite);
    }

    [Theory]
    [InlineData("p=1; Path=relative", null)]
    [InlineData("p=1; Path=", null)]
    [InlineData("p=1; Path=/ok; Path=bad", null)]
    [InlineData("p=1; Path=/a/b/", "/a/b/")]
    public async Task Cookies_PathNotStartingWithSlash_FallsBackToDefault(string header, string? path)
    {
        var cookie = await ParseOne(header);

        Assert.Equal(path, cookie.Path);
    }

    [Theory]
    [InlineData("d=1; Domain=", null)]
    [InlineData("d=1; Domain=..example.com", ".example.com")]
    [InlineData("d=1; Domain=EXAMPLE.org", "example.org")]
    public async Task Cookies_DomainAttribute_IsNormalized(string header, string? domain)
    {
        var cookie = await ParseOne(header);

        Assert.Equal(domain, cookie.Domain);
    }

    [Theory]
    [InlineData("SameSite=None", CookieSameSite.None)]
    [InlineData("samesite=lax", CookieSameSite.Lax)]
    [InlineData("SAMESITE=STRICT", CookieSameSite.Strict)]
    [InlineData("SameSite", CookieSameSite.Unspecified)]
    public async Task Cookies_SameSite_IsCaseInsensitive(string attribute, CookieSameSite expected)
    {
        var cookie = await ParseOne($"s=1; {attribute}");

        Assert.Equal(expected, cookie.SameSite);
    }

    [Fact]
    public async Task Cookies_PolicyNone_StillReportsWhatTheResponseSet()
    {
        using var client = Client(configure: o => o.Policy = CookiePolicy.None);
        using var response = await client.GetAsync(server.Set("localhost", "/", "seen=1"));

        Assert.Equal("seen", response.Cookies.Single().Name);
        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task Cookies_RejectedByTheStore_AreStillReported()
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Set("a.localhost", "/", "evil=1; Domain=b.localhost"));

        Assert.Equal("b.localhost", response.Cookies.Single().Domain);
        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task Cookies_NoSetCookie_IsEmpty()
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Url("localhost", "/"));

        Assert.Empty(response.Cookies);
    }

    [Fact]
    public void TryParse_PublicApi_ParsesOneHeader()
    {
        var now = _clock.GetUtcNow();

        Assert.True(HeraldCookie.TryParse("k=v; Max-Age=10", now, out var cookie));
        Assert.Equal(now.AddSeconds(10), cookie.Expires);
        Assert.False(HeraldCookie.TryParse("novalue", now, out _));
    }

    [Fact]
    public void TryParse_InternationalDomain_IsConvertedToAscii()
    {
        // Servers send IDN domains in punycode; a Unicode one is converted the way the request host is.
        Assert.True(HeraldCookie.TryParse("d=1; Domain=.Bücher.example", _clock.GetUtcNow(), out var cookie));
        Assert.Equal("xn--bcher-kva.example", cookie.Domain);
    }

    private async Task<HeraldCookie> ParseOne(string header)
    {
        using var client = Client();
        using var response = await client.GetAsync(server.Set("localhost", "/", header));
        return Assert.Single(response.Cookies);
    }

    private HeraldClient Client(DateTimeOffset? start = null, Action<CookieJarOptions>? configure = null) =>
        CookieClients.Create(o =>
        {
            o.TimeProvider = start is { } s ? new ManualClock(s) : _clock;
            configure?.Invoke(o);
        });
}
