using Herald.Client.Tests.Redirects;

namespace Herald.Client.Tests.Cookies;

/// <summary>
/// The cookie middleware in the pipeline: per-request cookies, the caller's own <c>Cookie</c> header, redirects, a
/// store shared between clients, and many requests at once.
/// </summary>
public sealed class CookieHandlerTests(CookieTestServer server) : IClassFixture<CookieTestServer>
{
    [Fact]
    public async Task Cookie_PerRequest_IsSentButNotStored()
    {
        using var client = CookieClients.Create();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, server.Url("example.com"))
            .Cookie("a", "1")
            .Cookies(new Dictionary<string, string> { ["b"] = "2", ["c"] = "\"quoted\"" }));

        Assert.Equal("a=1; b=2; c=\"quoted\"", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
        Assert.Empty(client.Cookies.GetAllCookies());
    }

    [Fact]
    public async Task Cookie_PerRequest_IsMergedWithStoredCookiesAndWinsOnName()
    {
        using var client = CookieClients.Create();
        await client.VisitAsync(server.Set("example.com", "/", "stored=1", "shared=from-store"));

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url("example.com")).Cookie("shared", "from-request"));

        Assert.Equal("shared=from-request; stored=1", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task Cookie_PerRequest_IsNotSentAfterRedirectToAnotherOrigin()
    {
        using var client = CookieClients.Create();

        using var response = await client.SendAsync(new HeraldRequest(
            HttpMethod.Get, server.Url("www.example.com", $"/?to={Uri.EscapeDataString(server.Url("other.example.net"))}"))
            .Cookie("given", "1"));

        Assert.Equal(server.Url("other.example.net"), response.RedirectTrace.Single().ToString());
        Assert.Equal(string.Empty, response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task Cookie_PerRequest_IsSentAgainAfterSameOriginRedirect()
    {
        using var client = CookieClients.Create();

        using var response = await client.SendAsync(
            new HeraldRequest(HttpMethod.Get, server.Url("www.example.com", "/start?to=/next")).Cookie("given", "1"));

        Assert.Equal("given=1", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Theory]
    [InlineData("bad name", "v")]
    [InlineData("semi;colon", "v")]
    [InlineData("ok", "has space")]
    [InlineData("ok", "comma,here")]
    [InlineData("ok", "naïve")]
    [InlineData("", "v")]
    public void Cookie_InvalidNameOrValue_ThrowsClearError(string name, string value)
    {
        var request = new HeraldRequest(HttpMethod.Get, "http://example.com/");

        var error = Assert.ThrowsAny<ArgumentException>(() => request.Cookie(name, value));

        Assert.False(string.IsNullOrEmpty(error.ParamName));
    }

    [Fact]
    public async Task CallerCookieHeader_IsMergedIntoOneHeaderWithStoredCookies()
    {
        var jar = new CookieJarOptions();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), jar);
        jar.Store.Add(new Uri(server.Url("example.com")), new HeraldCookie("stored", "1"));
        jar.Store.Add(new Uri(server.Url("example.com")), new HeraldCookie("mine", "from-store"));
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("example.com"));
        request.Headers.TryAddWithoutValidation("Cookie", "mine=from-caller");

        using var response = await http.SendAsync(request);

        Assert.Equal("1", response.Headers.GetValues("X-Seen-Cookie-Count").Single());
        Assert.Equal("mine=from-caller; stored=1", response.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task CallerCookieHeader_SameOriginRedirect_IsNotDoubled()
    {
        var jar = new CookieJarOptions();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), jar);
        jar.Store.Add(new Uri(server.Url("example.com")), new HeraldCookie("stored", "1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("example.com", "/a?to=/b"));
        request.Headers.TryAddWithoutValidation("Cookie", "mine=1");

        using var response = await http.SendAsync(request);

        Assert.Equal(server.Url("example.com", "/b"), response.RequestMessage?.RequestUri?.ToString());
        Assert.Equal("mine=1; stored=1", response.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task CrossOriginRedirect_SendsTheNewOriginsOwnCookies()
    {
        var jar = new CookieJarOptions();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), jar);
        jar.Store.Add(new Uri(server.Url("a.example.com")), new HeraldCookie("for-a", "1"));
        jar.Store.Add(new Uri(server.Url("b.example.net")), new HeraldCookie("for-b", "1"));
        using var request = new HttpRequestMessage(
            HttpMethod.Get, server.Url("a.example.com", $"/?to={Uri.EscapeDataString(server.Url("b.example.net"))}"));
        request.Headers.TryAddWithoutValidation("Cookie", "caller=1");

        using var response = await http.SendAsync(request);

        Assert.Equal("for-b=1", response.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task Redirect_CookieSetByTheRedirect_IsSentToItsTarget()
    {
        using var client = CookieClients.Create();

        using var response = await client.GetAsync(server.Set("example.com", "/login?to=/home", "session=abc; Path=/"));

        Assert.Equal(200, response.Status);
        Assert.Equal("session=abc", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
        Assert.Empty(response.Cookies);
    }

    [Fact]
    public async Task Redirect_DomainCookieSetByTheRedirect_IsSentToASiblingTarget()
    {
        using var client = CookieClients.Create();
        var target = Uri.EscapeDataString(server.Url("app.example.com", "/home"));

        using var response = await client.GetAsync(server.Set("login.example.com", $"/?to={target}", "sso=1; Domain=example.com", "login-only=1"));

        Assert.Equal("sso=1", response.Message.Headers.GetValues("X-Seen-Cookie").Single());
    }

    [Fact]
    public async Task Store_SharedBetweenClients_SharesCookies()
    {
        var shared = new CookieStore();
        using var first = CookieClients.Create(o => o.Store = shared);
        using var second = CookieClients.Create(o => o.Store = shared);

        await first.VisitAsync(server.Set("example.com", "/", "login=1"));

        Assert.Equal("login=1", await second.SeenCookieAsync(server.Url("example.com")));
        Assert.Same(shared, second.Cookies);
    }

    [Fact]
    public async Task Store_DefaultIsOnePerClient()
    {
        using var first = CookieClients.Create();
        using var second = CookieClients.Create();

        await first.VisitAsync(server.Set("example.com", "/", "mine=1"));

        Assert.NotSame(first.Cookies, second.Cookies);
        Assert.Equal(string.Empty, await second.SeenCookieAsync(server.Url("example.com")));
        Assert.Equal(["mine"], first.Cookies.Names());
    }

    [Fact]
    public async Task Store_ManyParallelRequests_KeepsEveryCookie()
    {
        const int requests = 200;
        using var client = CookieClients.Create();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = bound.Token },
            async (i, cancellationToken) =>
            {
                var host = $"h{i % 4}.example.com";
                using var response = await client.SendAsync(
                    new HeraldRequest(HttpMethod.Get, server.Set(host, "/", $"c{i}=v{i}", $"last=v{i}; Domain=example.com")),
                    cancellationToken);
                Assert.Equal(200, response.Status);
            });

        var cookies = client.Cookies.GetAllCookies();
        Assert.Equal(requests + 1, cookies.Count);
        Assert.Equal(
            Enumerable.Range(0, requests).Select(i => $"c{i}").Order(StringComparer.Ordinal),
            cookies.Where(c => c.Name != "last").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Single(cookies, c => c.Name == "last");
        var seen = await client.SeenCookieAsync(server.Url("h1.example.com"));
        Assert.Equal(requests / 4, seen.Split("; ").Count(p => p.StartsWith('c')));
    }

    [Fact]
    public async Task Store_IsReadableFromTheClient()
    {
        using var client = CookieClients.Create();

        await client.VisitAsync(server.Set("example.com", "/app/page", "theme=dark; Max-Age=3600"));

        var cookie = client.Cookies.GetAllCookies().Single();
        Assert.Equal(("theme", "dark", "example.com", "/app", true), (cookie.Name, cookie.Value, cookie.Domain, cookie.Path, cookie.HostOnly));
        Assert.True(cookie.IsPersistent);
        Assert.Equal([cookie], client.Cookies.GetCookies(new Uri(server.Url("example.com", "/app/x"))));
    }

    [Fact]
    public async Task Store_Clear_ForgetsEverything()
    {
        using var client = CookieClients.Create();
        await client.VisitAsync(server.Set("example.com", "/", "a=1"));

        client.Cookies.Clear();

        Assert.Equal(string.Empty, await client.SeenCookieAsync(server.Url("example.com")));
    }
}
