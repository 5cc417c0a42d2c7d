using System.Text;
using Herald.Client.Testing;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Integration;

/// <summary>
/// Every built-in middleware at once, through <see cref="HeraldClient"/> and real sockets: what each piece does must
/// still hold when the others run around it.
/// </summary>
public sealed class FullPipelineTests : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int Port, string Authorization)> _logins = new();
    private LoopbackServer _home = null!;
    private LoopbackServer _other = null!;

    public async Task InitializeAsync()
    {
        _other = await LoopbackServer.StartAsync(Map);
        _home = await LoopbackServer.StartAsync(Map);
    }

    public async Task DisposeAsync()
    {
        await _home.DisposeAsync();
        await _other.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        // Sets a cookie and sends the client elsewhere (to ?to=...), with a gzip-encoded redirect body.
        app.MapGet("/login", (HttpContext c, string to) =>
        {
            _logins.Enqueue((c.Connection.LocalPort, c.Request.Headers.Authorization.ToString()));
            c.Response.Headers.Append("Set-Cookie", "session=abc; Path=/; HttpOnly");
            c.Response.Headers.Location = to;
            c.Response.StatusCode = StatusCodes.Status302Found;
        });

        // Reports what arrived, gzip-encoded when the client asked for it.
        app.MapGet("/report", async (HttpContext c) =>
        {
            var report = $"auth={c.Request.Headers.Authorization};cookie={c.Request.Headers.Cookie};encoding={c.Request.Headers.AcceptEncoding}";
            var bytes = Encoding.UTF8.GetBytes(report);
            c.Response.ContentType = "text/plain; charset=utf-8";
            if (c.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
            {
                bytes = Compress.Gzip(bytes);
                c.Response.Headers.ContentEncoding = "gzip";
            }

            await c.Response.Body.WriteAsync(bytes);
        });
    }

    [Fact]
    public async Task RedirectAcrossOrigins_DropsCredentials_KeepsHostCookies_AndDecodesTheTarget()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _home.BaseAddress;
            o.Auth.BearerToken = "home-token";
        });
        var target = _other.Url("report");

        using var response = await client.GetAsync($"login?to={Uri.EscapeDataString(target.ToString())}");

        Assert.Equal(200, response.Status);
        Assert.Equal([target], response.RedirectTrace);
        Assert.Equal("gzip", response.OriginalContentEncoding);
        // The other origin differs by port only: Authorization stays home, but cookies are scoped by host, not port
        // (RFC 6265, section 8.5), so the cookie the redirect set goes along, as a browser would send it.
        Assert.Equal("auth=;cookie=session=abc;encoding=gzip, deflate, br", response.Body);
        Assert.Equal("session", Assert.Single(client.Cookies.GetAllCookies()).Name);
    }

    [Fact]
    public async Task RedirectWithinTheOrigin_CarriesCredentialsAndTheNewCookie()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _home.BaseAddress;
            o.Auth.BearerToken = "home-token";
        });

        using var response = await client.GetAsync("login?to=/report", r => r.SaveRequest());

        Assert.Equal([_home.Url("report")], response.RedirectTrace);
        Assert.Equal("auth=Bearer home-token;cookie=session=abc;encoding=gzip, deflate, br", response.Body);

        // The request as sent is the last hop's, after every middleware added its headers.
        var sent = Assert.IsType<SentRequest>(response.SentRequest);
        Assert.Equal(_home.Url("report"), sent.RequestUri);
        Assert.Equal("session=abc", Assert.Single(sent.Headers["Cookie"]));
        Assert.Equal(2, response.SentRequests.Count);
    }

    [Fact]
    public async Task UserInfoCredentials_StayOnTheirOrigin()
    {
        using var client = new HeraldClient();
        var target = _other.Url("report");

        using var response = await client.GetAsync(
            $"http://alice:s3cret@127.0.0.1:{_home.Port}/login?to={Uri.EscapeDataString(target.ToString())}");

        // The first origin got them (so the absence below is scoping, not credentials never sent), the other did not.
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret"));
        Assert.Equal((_home.Port, expected), Assert.Single(_logins));
        Assert.StartsWith("auth=;", (string)response.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfoCredentials_DoNotComeBackWithARedirectToTheirOrigin()
    {
        using var client = new HeraldClient();
        var home = _home.Url("report");
        var viaOther = _other.Url($"login?to={Uri.EscapeDataString(home.ToString())}");

        using var response = await client.GetAsync(
            $"http://alice:s3cret@127.0.0.1:{_home.Port}/login?to={Uri.EscapeDataString(viaOther.ToString())}");

        Assert.Equal([viaOther, home], response.RedirectTrace);
        Assert.Equal(2, _logins.Count);
        Assert.Equal((_other.Port, string.Empty), _logins.Last());
        Assert.StartsWith("auth=;", (string)response.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeTransport_RedirectIsFollowedByTheRealMiddleware()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "http://api.test/old").Respond(301).WithHeader("Location", "/new");
        fake.On(HttpMethod.Get, "http://api.test/new").Respond(200, "moved here", "text/plain");
        using var client = new HeraldClient(o => o.UseFakeTransport(fake));

        using var response = await client.GetAsync("http://api.test/old");

        Assert.Equal("moved here", response.Body);
        Assert.Equal([new Uri("http://api.test/new")], response.RedirectTrace);
        fake.AssertCalled(HttpMethod.Get, "http://api.test/old", times: 1);
        fake.AssertCalled(HttpMethod.Get, "http://api.test/new", times: 1);
        Assert.Contains("gzip", fake.Calls[0].Headers["Accept-Encoding"], StringComparison.Ordinal);
    }
}
