using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Redirects;

/// <summary>
/// Credentials stay with their origin, and https is not downgraded: two (or three) real servers on different ports
/// are different origins.
/// </summary>
public sealed class RedirectSecurityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_CrossOriginRedirect_StripsCredentialHeaders(bool withCookieMiddleware)
    {
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), withCookieMiddleware ? new CookieJarOptions() : null);
        using var request = WithCredentials(a.Url($"r/302?to={Uri.EscapeDataString(b.Url("headers").ToString())}"));

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(b.Url("headers"), response.RequestMessage?.RequestUri);
        Assert.Equal(string.Empty, Seen(response, "Authorization"));
        Assert.Equal(string.Empty, Seen(response, "Proxy-Authorization"));
        Assert.Equal(string.Empty, Seen(response, "Cookie"));
        Assert.Equal("kept", Seen(response, "X-Custom"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_SameOriginRedirect_KeepsCredentialHeaders(bool withCookieMiddleware)
    {
        await using var a = await RedirectTestServer.StartAsync();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), withCookieMiddleware ? new CookieJarOptions() : null);
        using var request = WithCredentials(a.Url("r/302?to=/headers"));

        using var response = await http.SendAsync(request);

        Assert.Equal("Bearer secret-token", Seen(response, "Authorization"));
        Assert.Equal("Basic cHJveHk6cHc=", Seen(response, "Proxy-Authorization"));
        Assert.Equal("session=s1", Seen(response, "Cookie"));
        Assert.Equal("kept", Seen(response, "X-Custom"));
    }

    [Fact]
    public async Task SendAsync_CrossOriginRedirect_DropsSecretCustomHeaders_KeepsOthers()
    {
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create();
            o.DefaultHeaders.Add("X-Api-Key", "k-123"); // as the README's one-client-per-service example does
            o.Redirects.OriginBoundHeaders.Add("x-tenant-secret");
        });
        var request = new HeraldRequest(HttpMethod.Get, a.Url($"r/302?to={Uri.EscapeDataString(b.Url("headers").ToString())}").ToString())
            .Header("X-Tenant-Secret", "t-456")
            .Header("X-Custom", "kept");

        using var response = await client.SendAsync(request);

        Assert.Equal([b.Url("headers")], response.RedirectTrace);
        Assert.Equal(string.Empty, Seen(response, "X-Api-Key"));
        Assert.Equal(string.Empty, Seen(response, "X-Tenant-Secret"));
        Assert.Equal("kept", Seen(response, "X-Custom"));
    }

    [Fact]
    public async Task SendAsync_SameOriginRedirect_KeepsSecretCustomHeaders()
    {
        await using var a = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create();
            o.DefaultHeaders.Add("X-Api-Key", "k-123");
        });

        using var response = await client.GetAsync(a.Url("r/302?to=/headers").ToString());

        Assert.Equal("k-123", Seen(response, "X-Api-Key"));
    }

    [Fact]
    public void OriginBoundHeaders_EmptyName_IsRefusedWhenTheClientIsBuilt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.Redirects.OriginBoundHeaders.Add(" ")));

        Assert.Contains("RedirectOptions.OriginBoundHeaders", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SameHostOtherPort_IsAnotherOrigin()
    {
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), cookies: null);

        // Both are 127.0.0.1: only the port differs.
        using var request = WithCredentials(a.Url($"r/307?to={Uri.EscapeDataString(b.Url("headers").ToString())}"));
        using var response = await http.SendAsync(request);

        Assert.Equal(a.Url("/").Host, b.Url("/").Host);
        Assert.Equal(string.Empty, Seen(response, "Authorization"));
    }

    [Fact]
    public async Task SendAsync_LeavingAndComingBack_DoesNotRestoreCredentials()
    {
        // The whole default pipeline: redirects, auth, cookies, decompression, logging over a real transport.
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o => o.TransportHandler = () => LoopbackTransport.Create());
        var backToA = b.Url($"r/302?to={Uri.EscapeDataString(a.Url("headers").ToString())}");
        var request = new HeraldRequest(HttpMethod.Get, a.Url($"r/302?to={Uri.EscapeDataString(backToA.ToString())}").ToString())
            .Header("Authorization", "Bearer secret-token")
            .Header("Proxy-Authorization", "Basic cHJveHk6cHc=")
            .Header("Cookie", "session=s1")
            .Header("X-Custom", "kept")
            .SaveRequest();

        using var response = await client.SendAsync(request);

        Assert.Equal([backToA, a.Url("headers")], response.RedirectTrace);
        Assert.Equal("Bearer secret-token", Assert.Single(response.SentRequests[0].Headers["Authorization"]));
        Assert.Equal("session=s1", Assert.Single(response.SentRequests[0].Headers["Cookie"]));
        Assert.Equal(string.Empty, Seen(response, "Authorization"));
        Assert.Equal(string.Empty, Seen(response, "Proxy-Authorization"));
        Assert.Equal(string.Empty, Seen(response, "Cookie"));
        Assert.Equal("kept", Seen(response, "X-Custom"));
    }

    [Fact]
    public async Task SendAsync_LeavingAndComingBack_DropsPerRequestCredentialsAndCookies_KeepsStoredCookies()
    {
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o => o.TransportHandler = () => LoopbackTransport.Create());
        Assert.True(HeraldCookie.TryParse("stored=yes; Path=/", DateTimeOffset.UtcNow, out var stored));
        Assert.True(client.Cookies.Add(a.Url("/"), stored));
        var backToA = b.Url($"r/302?to={Uri.EscapeDataString(a.Url("headers").ToString())}");
        var request = new HeraldRequest(HttpMethod.Get, a.Url($"r/302?to={Uri.EscapeDataString(backToA.ToString())}").ToString())
            .BasicAuth("ann", "s3cret")
            .Cookie("per-request", "1")
            .SaveRequest();

        using var response = await client.SendAsync(request);

        // The first hop had them all; back at A, only the stored cookie goes (RFC 6265 scopes it to the host).
        Assert.StartsWith("Basic ", Assert.Single(response.SentRequests[0].Headers["Authorization"]), StringComparison.Ordinal);
        Assert.Equal("per-request=1; stored=yes", Assert.Single(response.SentRequests[0].Headers["Cookie"]));
        Assert.Equal(a.Url("headers"), response.RequestUri);
        Assert.Equal(string.Empty, Seen(response, "Authorization"));
        Assert.Equal("stored=yes", Seen(response, "Cookie"));
    }

    [Fact]
    public async Task SendAsync_LeavingAndComingBack_ClientWideCredentialsReturnWithTheirOrigin()
    {
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create();
            o.BaseAddress = a.Url("/");
            o.Auth.BearerToken = "client-token";
        });
        var backToA = b.Url($"r/302?to={Uri.EscapeDataString(a.Url("headers").ToString())}");

        using var response = await client.GetAsync($"r/302?to={Uri.EscapeDataString(backToA.ToString())}");

        // Scoped to A's origin rather than to the call: they were never sent to B, and A gets them again.
        Assert.Equal("Bearer client-token", Seen(response, "Authorization"));
    }

    [Fact]
    public async Task SendAsync_HttpsToHttp_IsRefused()
    {
        await using var secure = await RedirectTestServer.StartAsync(https: true);
        await using var plain = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o => o.TransportHandler = () => LoopbackTransport.Create(secure.Server.Certificate));
        var downgrade = secure.Url($"r/302?to={Uri.EscapeDataString(plain.Url("target").ToString())}");

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.SendAsync(new HeraldRequest(HttpMethod.Get, downgrade.ToString())));

        Assert.Equal(RedirectError.HttpsDowngrade, error.Error);
        Assert.Contains("AllowHttpsDowngrade", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, plain.Hits);
        Assert.Equal(1, secure.Hits);
    }

    [Fact]
    public async Task SendAsync_HttpsToHttpWhenAllowed_IsFollowed()
    {
        await using var secure = await RedirectTestServer.StartAsync(https: true);
        await using var plain = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o =>
        {
            o.TransportHandler = () => LoopbackTransport.Create(secure.Server.Certificate);
            o.Redirects.AllowHttpsDowngrade = true;
        });
        var downgrade = secure.Url($"r/302?to={Uri.EscapeDataString(plain.Url("target").ToString())}");

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, downgrade.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(plain.Url("target"), response.RedirectTrace.Single());
        Assert.Equal(1, plain.Hits);
    }

    [Fact]
    public async Task SendAsync_HttpToHttps_IsFollowed()
    {
        await using var secure = await RedirectTestServer.StartAsync(https: true);
        await using var plain = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o => o.TransportHandler = () => LoopbackTransport.Create(secure.Server.Certificate));
        var upgrade = plain.Url($"r/301?to={Uri.EscapeDataString(secure.Url("target").ToString())}");

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, upgrade.ToString()));

        Assert.Equal(200, response.Status);
        Assert.Equal(Uri.UriSchemeHttps, response.RedirectTrace.Single().Scheme);
    }

    [Fact]
    public async Task RedirectException_Message_HidesQueryAndUserInfoOfLocation()
    {
        await using var a = await RedirectTestServer.StartAsync();
        using var client = new HeraldClient(o => o.TransportHandler = () => LoopbackTransport.Create());
        var location = "ftp://user:pw@example.com/file?token=abc";

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(() => client.SendAsync(
            new HeraldRequest(HttpMethod.Get, a.Url($"r/302?to={Uri.EscapeDataString(location)}&key=k3y").ToString())));

        Assert.DoesNotContain("token=abc", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", error.Message, StringComparison.Ordinal);
        Assert.Equal(location, error.Location);
    }

    private static HttpRequestMessage WithCredentials(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer secret-token");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic cHJveHk6cHc=");
        request.Headers.TryAddWithoutValidation("Cookie", "session=s1");
        request.Headers.TryAddWithoutValidation("X-Custom", "kept");
        return request;
    }

    private static string Seen(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues("X-Seen-" + header, out var values) ? string.Join(",", values) : string.Empty;

    private static string Seen(HeraldResponse response, string header) => response.Headers["X-Seen-" + header] ?? string.Empty;
}
