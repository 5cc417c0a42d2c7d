namespace Herald.Client.Tests.Cookies;

/// <summary>The policies none / standard / strict through real HTTP.</summary>
public sealed class CookiePolicyTests(CookieTestServer server) : IClassFixture<CookieTestServer>
{
    [Fact]
    public async Task PolicyNone_StoresNothingAndSendsNothingFromTheStore()
    {
        var store = new CookieStore();
        store.Add(new Uri(server.Url("example.com")), new HeraldCookie("pre", "1"));
        using var client = CookieClients.Create(o =>
        {
            o.Store = store;
            o.Policy = CookiePolicy.None;
        });

        await client.VisitAsync(server.Set("example.com", "/", "new=1"));

        Assert.Equal(string.Empty, await client.SeenCookieAsync(server.Url("example.com")));
        Assert.Equal(["pre"], store.Names());
    }

    [Fact]
    public async Task PolicyNone_PerRequestCookiesAreStillSent()
    {
        using var client = CookieClients.Create(o => o.Policy = CookiePolicy.None);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("example.com")).Cookie("given", "1"));

        Assert.Equal("given=1", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task PolicyStandard_IsTheDefault()
    {
        using var client = CookieClients.Create();

        Assert.Equal(CookiePolicy.Standard, new HeraldClientOptions().Cookies.Policy);
        await client.VisitAsync(server.Set("www.example.com", "/", "wide=1; Domain=example.com"));
        Assert.Equal("wide=1", await client.SeenCookieAsync(server.Url("api.example.com")));
    }

    [Fact]
    public async Task PolicyStrict_DomainOtherThanTheHost_IsRejected()
    {
        using var client = CookieClients.Create(o => o.Policy = CookiePolicy.Strict);

        await client.VisitAsync(server.Set("www.example.com", "/", "wide=1; Domain=example.com", "local=1"));

        Assert.Equal(["local"], client.Cookies.Names());
        Assert.Equal(string.Empty, await client.SeenCookieAsync(server.Url("api.example.com")));
    }

    [Fact]
    public async Task PolicyStrict_DomainEqualToTheHost_StaysHostOnly()
    {
        using var client = CookieClients.Create(o => o.Policy = CookiePolicy.Strict);

        await client.VisitAsync(server.Set("example.com", "/", "exact=1; Domain=example.com"));

        var cookie = client.Cookies.GetAllCookies().Single();
        Assert.True(cookie.HostOnly);
        Assert.Equal("exact=1", await client.SeenCookieAsync(server.Url("example.com")));
        Assert.Equal(string.Empty, await client.SeenCookieAsync(server.Url("www.example.com")));
    }

    [Theory]
    [InlineData(CookiePolicy.Standard, true)]
    [InlineData(CookiePolicy.Strict, false)]
    public async Task CrossSiteRedirectHop_StoresItsCookiesOnlyUnderStandard(CookiePolicy policy, bool stored)
    {
        using var client = CookieClients.Create(o => o.Policy = policy);
        var tracker = server.Set("tracker.example.org", "/", "track=1");

        await client.VisitAsync(server.Url("www.example.com", $"/?to={Uri.EscapeDataString(tracker)}"));

        Assert.Equal(stored, client.Cookies.Names().Contains("track"));
    }

    [Theory]
    [InlineData(CookiePolicy.Standard, "track=1")]
    [InlineData(CookiePolicy.Strict, "")]
    public async Task CrossSiteRedirectHop_ReceivesStoredCookiesOnlyUnderStandard(CookiePolicy policy, string expected)
    {
        using var client = CookieClients.Create(o => o.Policy = policy);
        client.Cookies.Add(new Uri(server.Url("tracker.example.org")), new HeraldCookie("track", "1"));

        using var response = await client.GetAsync(
            server.Url("www.example.com", $"/?to={Uri.EscapeDataString(server.Url("tracker.example.org"))}"));

        Assert.Equal(expected, response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task PolicyStrict_SameSiteRedirectHop_KeepsCookies()
    {
        using var client = CookieClients.Create(o => o.Policy = CookiePolicy.Strict);
        var sibling = server.Set("api.example.com", "/", "api=1");

        await client.VisitAsync(server.Url("www.example.com", $"/?to={Uri.EscapeDataString(sibling)}"));

        Assert.Equal("api=1", await client.SeenCookieAsync(server.Url("api.example.com")));
    }

    [Theory]
    [InlineData(CookiePolicy.Standard, 1)]
    [InlineData(CookiePolicy.Strict, 0)]
    public async Task SameSiteNoneWithoutSecure_IsRejectedOnlyUnderStrict(CookiePolicy policy, int stored)
    {
        using var client = CookieClients.Create(o => o.Policy = policy);

        await client.VisitAsync(server.Set("localhost", "/", "n=1; SameSite=None"));

        Assert.Equal(stored, client.Cookies.GetAllCookies().Count);
    }

    [Fact]
    public void Constructor_UndefinedPolicy_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.Cookies.Policy = (CookiePolicy)7));

        Assert.Contains("CookieJarOptions.Policy", error.Message, StringComparison.Ordinal);
    }
}
