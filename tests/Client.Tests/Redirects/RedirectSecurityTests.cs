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
        await using var a = await RedirectTestServer.StartAsync();
        await using var b = await RedirectTestServer.StartAsync();
        using var http = LoopbackTransport.Chain(new RedirectOptions(), cookies: null);
        var backToA = b.Url($"r/302?to={Uri.EscapeDataString(a.Url("headers").ToString())}");
        using var request = WithCredentials(a.Url($"r/302?to={Uri.EscapeDataString(backToA.ToString())}"));

        using var response = await http.SendAsync(request);

        Assert.Equal(a.Url("headers"), response.RequestMessage?.RequestUri);
        Assert.Equal(string.Empty, Seen(response, "Authorization"));
        Assert.Equal(string.Empty, Seen(response, "Cookie"));
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
}
