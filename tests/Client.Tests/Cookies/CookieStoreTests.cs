namespace Herald.Client.Tests.Cookies;

/// <summary>
/// The default store's RFC 6265 rules through real HTTP: every host name reaches the same loopback server, while the
/// client sees <c>a.localhost</c>, <c>www.example.com</c>, <c>example.org</c>… as the distinct hosts they are.
/// </summary>
public sealed class CookieStoreTests(CookieServers servers) : IClassFixture<CookieServers>
{
    private readonly CookieTestServer _http = servers.Http;
    private readonly CookieTestServer _https = servers.Https;

    [Fact]
    public async Task Add_DomainOfAnotherHost_IsIgnored()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("a.localhost", "/", "evil=1; Domain=b.localhost"));

        Assert.Empty(client.Cookies.GetAllCookies());
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("b.localhost")));
    }

    [Theory]
    [InlineData("a.localhost", "localhost")]
    [InlineData("x.example.com", "com")]
    [InlineData("x.example.com", ".com")]
    [InlineData("shop.example.co.uk", "co.uk")]
    [InlineData("me.github.io", "github.io")]
    [InlineData("app.herokuapp.com", "herokuapp.com")]
    public async Task Add_PublicSuffixAsDomain_IsIgnored(string host, string domain)
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set(host, "/", $"wide=1; Domain={domain}"));

        Assert.Empty(client.Cookies.GetAllCookies());
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("other." + domain.TrimStart('.'))));
    }

    [Fact]
    public async Task Add_PublicSuffixEqualToHost_BecomesHostOnly()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("localhost", "/", "local=1; Domain=localhost"));

        var cookie = Assert.Single(client.Cookies.GetAllCookies());
        Assert.True(cookie.HostOnly);
        Assert.Equal("localhost", cookie.Domain);
        Assert.Equal("local=1", await client.SeenCookieAsync(_http.Url("localhost")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("a.localhost")));
    }

    [Fact]
    public async Task Add_ParentDomain_IsSentToSiblingsButNotToOtherSites()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("www.example.com", "/", "shared=1; Domain=example.com"));

        Assert.Equal("shared=1", await client.SeenCookieAsync(_http.Url("api.example.com")));
        Assert.Equal("shared=1", await client.SeenCookieAsync(_http.Url("example.com")));
        Assert.Equal("shared=1", await client.SeenCookieAsync(_http.Url("deep.api.example.com")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.org")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("notexample.com")));
    }

    [Fact]
    public async Task Add_SubdomainOfHostAsDomain_IsIgnored()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("example.com", "/", "down=1; Domain=www.example.com"));

        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task Add_NoDomain_IsSentToThatHostOnly()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("example.com", "/", "mine=1"));

        Assert.Equal("mine=1", await client.SeenCookieAsync(_http.Url("example.com")));
        Assert.Equal("mine=1", await client.SeenCookieAsync(_http.Url("EXAMPLE.com", "/x")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("www.example.com")));
    }

    [Fact]
    public async Task Add_IpAddressHost_OnlyHostOnlyCookies()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("127.0.0.1", "/", "ip=1; Domain=127.0.0.1", "suffix=1; Domain=0.0.1", "plain=1"));

        var cookies = client.Cookies.GetAllCookies();
        Assert.Equal(["ip", "plain"], cookies.Select(c => c.Name).Order());
        Assert.All(cookies, c => Assert.True(c.HostOnly));
    }

    [Fact]
    public async Task GetCookies_PathAttribute_MatchesDirectoriesOnly()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("example.com", "/", "api=1; Path=/api"));

        Assert.Equal("api=1", await client.SeenCookieAsync(_http.Url("example.com", "/api")));
        Assert.Equal("api=1", await client.SeenCookieAsync(_http.Url("example.com", "/api/users")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.com", "/apix")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.com", "/")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.com", "/API")));
    }

    [Fact]
    public async Task Add_NoPath_UsesTheRequestDirectory()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("example.com", "/docs/guide/page", "dir=1"));

        Assert.Equal("/docs/guide", client.Cookies.GetAllCookies().Single().Path);
        Assert.Equal("dir=1", await client.SeenCookieAsync(_http.Url("example.com", "/docs/guide/other")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.com", "/docs")));
    }

    [Fact]
    public async Task GetCookies_SeveralMatches_LongerPathsFirstThenOlder()
    {
        var clock = new ManualClock();
        using var client = CookieClients.Create(o => o.TimeProvider = clock);

        await client.VisitAsync(_http.Set("example.com", "/", "root=1; Path=/"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("example.com", "/", "deep=1; Path=/a/b"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("example.com", "/", "mid=1; Path=/a"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("example.com", "/", "first=1; Path=/"));

        Assert.Equal("deep=1; mid=1; root=1; first=1", await client.SeenCookieAsync(_http.Url("example.com", "/a/b/c")));
    }

    [Fact]
    public async Task GetCookies_OnlyOneCookieHeaderIsSent()
    {
        using var client = CookieClients.Create();
        await client.VisitAsync(_http.Set("example.com", "/", "a=1", "b=2", "c=3"));

        using var response = await client.GetAsync(_http.Url("example.com"));

        Assert.Equal("1", response.Message.Headers.GetValues("X-Seen-Cookie-Count").Single());
        Assert.Equal("a=1; b=2; c=3", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task Add_SecureOverPlainHttp_IsIgnored()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("www.example.com", "/", "s=1; Secure", "__Secure-x=1; Secure"));

        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task SecureCookie_SetOverHttps_IsNotSentOverHttp()
    {
        using var client = CookieClients.Create(trusted: _https.Server.Certificate);

        await client.VisitAsync(_https.Set("www.example.com", "/", "secret=1; Secure", "open=1"));

        Assert.Equal("secret=1; open=1", await client.SeenCookieAsync(_https.Url("www.example.com")));
        Assert.Equal("open=1", await client.SeenCookieAsync(_http.Url("www.example.com")));
    }

    [Fact]
    public async Task SecureCookie_Loopback_IsAcceptedAndSentOverHttp()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("localhost", "/", "s=1; Secure"));

        Assert.Equal("s=1", await client.SeenCookieAsync(_http.Url("localhost")));
    }

    [Fact]
    public async Task Add_PlainHttpCannotOverwriteSecureCookie()
    {
        using var client = CookieClients.Create(trusted: _https.Server.Certificate);
        await client.VisitAsync(_https.Set("www.example.com", "/", "sid=good; Secure"));

        await client.VisitAsync(_http.Set("www.example.com", "/", "sid=evil"));

        Assert.Equal("good", client.Cookies.GetAllCookies().Single().Value);
    }

    [Theory]
    [InlineData("__Secure-a=1; Secure", true)]
    [InlineData("__Secure-a=1", false)]
    [InlineData("__secure-a=1", false)]
    [InlineData("__Host-a=1; Secure; Path=/", true)]
    [InlineData("__Host-a=1; Secure", false)]
    [InlineData("__Host-a=1; Secure; Path=/app", false)]
    [InlineData("__Host-a=1; Path=/", false)]
    [InlineData("__Host-a=1; Secure; Path=/; Domain=www.example.com", false)]
    [InlineData("__HOST-a=1; Path=/", false)]
    public async Task Add_CookiePrefixes_AreEnforced(string header, bool stored)
    {
        using var client = CookieClients.Create(trusted: _https.Server.Certificate);

        await client.VisitAsync(_https.Set("www.example.com", "/", header));

        Assert.Equal(stored ? 1 : 0, client.Cookies.GetAllCookies().Count);
    }

    [Fact]
    public async Task GetCookies_AfterMaxAge_CookieIsGone()
    {
        var clock = new ManualClock();
        using var client = CookieClients.Create(o => o.TimeProvider = clock);
        await client.VisitAsync(_http.Set("example.com", "/", "short=1; Max-Age=60", "session=1"));

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("short=1; session=1", await client.SeenCookieAsync(_http.Url("example.com")));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("session=1", await client.SeenCookieAsync(_http.Url("example.com")));
        Assert.Equal(["session"], client.Cookies.Names());
    }

    [Fact]
    public async Task GetCookies_AfterExpires_CookieIsGone()
    {
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var client = CookieClients.Create(o => o.TimeProvider = clock);
        await client.VisitAsync(_http.Set("example.com", "/", "dated=1; Expires=Tue, 01 Jan 2030 01:00:00 GMT"));

        Assert.Equal("dated=1", await client.SeenCookieAsync(_http.Url("example.com")));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(_http.Url("example.com")));
    }

    [Theory]
    [InlineData("gone=x; Max-Age=0")]
    [InlineData("gone=x; Max-Age=-1")]
    [InlineData("gone=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    public async Task Add_ExpiredCookie_DeletesTheStoredOne(string deletion)
    {
        using var client = CookieClients.Create();
        await client.VisitAsync(_http.Set("example.com", "/", "gone=1", "stays=1"));

        await client.VisitAsync(_http.Set("example.com", "/", deletion));

        Assert.Equal(["stays"], client.Cookies.Names());
    }

    [Fact]
    public async Task Add_DeletionWithOtherPath_DeletesNothing()
    {
        using var client = CookieClients.Create();
        await client.VisitAsync(_http.Set("example.com", "/", "c=1; Path=/"));

        await client.VisitAsync(_http.Set("example.com", "/", "c=x; Path=/other; Max-Age=0"));

        Assert.Equal(["c"], client.Cookies.Names());
    }

    [Fact]
    public async Task Add_Replacement_KeepsCreationTimeAndTakesNewValue()
    {
        var clock = new ManualClock();
        using var client = CookieClients.Create(o => o.TimeProvider = clock);
        var created = clock.GetUtcNow();
        await client.VisitAsync(_http.Set("example.com", "/", "v=1"));

        clock.Advance(TimeSpan.FromMinutes(5));
        await client.VisitAsync(_http.Set("example.com", "/", "v=2; Max-Age=600"));

        var cookie = client.Cookies.GetAllCookies().Single();
        Assert.Equal("2", cookie.Value);
        Assert.Equal(created, cookie.CreationTime);
        Assert.Equal(clock.GetUtcNow().AddSeconds(600), cookie.Expires);
    }

    [Fact]
    public async Task Add_HostOnlyAndDomainCookieOfSameName_AreDistinct()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(_http.Set("example.com", "/", "n=host", "n=domain; Domain=example.com"));

        Assert.Equal(2, client.Cookies.GetAllCookies().Count);
        Assert.Equal("n=domain", await client.SeenCookieAsync(_http.Url("www.example.com")));
    }

    [Fact]
    public async Task Add_PastPerDomainLimit_EvictsLeastRecentlyUsed()
    {
        var clock = new ManualClock();
        using var client = CookieClients.Create(o =>
        {
            o.TimeProvider = clock;
            o.Store = new CookieStore(clock) { MaxCookiesPerDomain = 3 };
        });
        foreach (var name in (string[])["a", "b", "c"])
        {
            await client.VisitAsync(_http.Set("example.com", "/only-" + name, $"{name}=1; Path=/only-{name}"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Using "a" makes "b" the least recently used.
        Assert.Equal("a=1", await client.SeenCookieAsync(_http.Url("example.com", "/only-a")));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("example.com", "/", "d=1"));

        Assert.Equal(["a", "c", "d"], client.Cookies.Names());
    }

    [Fact]
    public async Task Add_PastTotalLimit_EvictsExpiredThenOldest()
    {
        var clock = new ManualClock();
        using var client = CookieClients.Create(o =>
        {
            o.TimeProvider = clock;
            o.Store = new CookieStore(clock) { MaxCookies = 3 };
        });
        await client.VisitAsync(_http.Set("one.example", "/", "old=1"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("two.example", "/", "brief=1; Max-Age=2"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await client.VisitAsync(_http.Set("three.example", "/", "newer=1"));
        clock.Advance(TimeSpan.FromSeconds(5));

        await client.VisitAsync(_http.Set("four.example", "/", "newest=1"));
        Assert.Equal(["newer", "newest", "old"], client.Cookies.Names());

        await client.VisitAsync(_http.Set("five.example", "/", "last=1"));
        Assert.Equal(["last", "newer", "newest"], client.Cookies.Names());
    }

    [Fact]
    public void Add_RelativeUrl_ThrowsClearError()
    {
        var store = new CookieStore();

        var error = Assert.Throws<ArgumentException>(() => store.Add(new Uri("/x", UriKind.Relative), new HeraldCookie("a", "1")));

        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "v")]
    [InlineData("a;b", "v")]
    [InlineData("a=b", "v")]
    [InlineData(" a", "v")]
    [InlineData("a", "v;w")]
    [InlineData("a", "line\nbreak")]
    public void HeraldCookie_InvalidNameOrValue_Throws(string name, string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => new HeraldCookie(name, value));
    }

    [Fact]
    public async Task Add_CookieBuiltByHand_IsSentLikeAParsedOne()
    {
        using var client = CookieClients.Create();
        var store = client.Cookies;

        Assert.True(store.Add(new Uri(_http.Url("www.example.com")), new HeraldCookie("manual", "1") { Domain = "example.com" }));

        Assert.Equal("manual=1", await client.SeenCookieAsync(_http.Url("api.example.com")));
    }
}
