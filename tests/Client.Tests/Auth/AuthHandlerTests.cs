using System.Net;
using System.Text;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Auth;

public sealed class AuthHandlerTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private LoopbackServer _other = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Map);
        _other = await LoopbackServer.StartAsync(Map);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_BasicInOptions_SendsUtf8CredentialsPreemptively()
    {
        using var client = Client(o => o.Auth.Basic = new NetworkCredential("zoë", "pässwörd:with colon"));

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "whoami"));

        Assert.Equal("Basic zoë:pässwörd:with colon", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BasicAuth_OnRequest_WinsOverOptions()
    {
        using var client = Client(o => o.Auth.BearerToken = "client-token");

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "whoami").BasicAuth("ann", "secret"));

        Assert.Equal("Basic ann:secret", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_BearerTokenInOptions_SendsIt()
    {
        using var client = Client(o => o.Auth.BearerToken = "abc.def.ghi");

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "whoami"));

        Assert.Equal("Bearer abc.def.ghi", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BearerToken_OnRequest_SendsIt()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "whoami").BearerToken("per-request"));

        Assert.Equal("Bearer per-request", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_NoCredentials_SendsNoAuthorization()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "whoami"));

        Assert.Equal("(none)", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_CallerSetAuthorization_IsLeftAlone()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.Basic = new NetworkCredential("client", "wide");
        }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Custom scheme-of-my-own");

        using var response = await http.SendAsync(request);

        Assert.Equal("Custom scheme-of-my-own", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_ClientCredentialsToAnotherOrigin_AreNotSent()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.Basic = new NetworkCredential("client", "wide");
        }));

        var home = await http.GetStringAsync("whoami");
        var elsewhere = await http.GetStringAsync(_other.Url("whoami"));

        Assert.Equal("Basic client:wide", home);
        Assert.Equal("(none)", elsewhere);
    }

    [Fact]
    public async Task SendAsync_SameHostOtherPort_IsAnotherOrigin()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.BearerToken = "t";
        }));

        // Both servers are 127.0.0.1; only the port differs, and the port is part of the origin.
        Assert.Equal(_server.BaseAddress.Host, _other.BaseAddress.Host);
        Assert.Equal("(none)", await http.GetStringAsync(_other.Url("whoami")));
    }

    [Fact]
    public async Task SendAsync_OriginsConfigured_SendsToThoseOnly()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.BearerToken = "t";
            o.Auth.Origins.Add(_other.Url("/any/path/is/ignored"));
        }));

        Assert.Equal("Bearer t", await http.GetStringAsync(_other.Url("whoami")));
        Assert.Equal("(none)", await http.GetStringAsync("whoami"));
    }

    [Fact]
    public async Task SendAsync_NoBaseAddress_ScopesToTheCallsFirstOrigin()
    {
        var options = Pipeline.Options(o => o.Auth.Basic = new NetworkCredential("client", "wide"));
        options.Middleware.Insert(0, "follow-one", () => new FollowOneRedirect());
        using var http = Pipeline.CreateHttpClient(options);

        var direct = await http.GetStringAsync(_server.Url("whoami"));
        var redirected = await http.GetStringAsync(_server.Url("to-other?target=" + Uri.EscapeDataString(_other.Url("whoami").ToString())));

        Assert.Equal("Basic client:wide", direct);
        Assert.Equal("(none)", redirected);
    }

    [Fact]
    public async Task SendAsync_RequestCredentialsOnRedirectToAnotherOrigin_AreNotSent()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Middleware.Insert(0, "follow-one", () => new FollowOneRedirect());
        });
        var target = Uri.EscapeDataString(_other.Url("whoami").ToString());

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "to-other?target=" + target).BearerToken("mine"));

        Assert.Equal(_other.Url("whoami"), Assert.Single(response.RedirectTrace));
        Assert.Equal("(none)", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_RedirectWithinOrigin_KeepsCredentials()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.BearerToken = "t";
            o.Middleware.Insert(0, "follow-one", () => new FollowOneRedirect());
        });
        var target = Uri.EscapeDataString(_server.Url("whoami").ToString());

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "to-other?target=" + target));

        Assert.Equal("Bearer t", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Constructor_TwoKindsOfCredentials_ThrowsNamingThem()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Client(o =>
        {
            o.Auth.Basic = new NetworkCredential("a", "b");
            o.Auth.BearerToken = "t";
        }));

        Assert.Contains("AuthOptions.Basic", ex.Message);
        Assert.Contains("AuthOptions.BearerToken", ex.Message);
    }

    [Fact]
    public void Constructor_BasicUserWithColon_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Client(o => o.Auth.Basic = new NetworkCredential("a:b", "c")));

        Assert.Contains("':'", ex.Message);
    }

    [Fact]
    public void BasicAuth_UserWithColon_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HeraldRequest(HttpMethod.Get, "/").BasicAuth("a:b", "c"));
    }

    [Fact]
    public void Constructor_RefreshWithoutLoad_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Client(o => o.Auth.RefreshBearerToken = _ => ValueTask.FromResult("t")));

        Assert.Contains("LoadBearerToken", ex.Message);
    }

    [Fact]
    public void Constructor_RelativeOrigin_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Client(o => o.Auth.Origins.Add(new Uri("/relative", UriKind.Relative))));

        Assert.Contains("AuthOptions.Origins", ex.Message);
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/whoami", (HttpRequest r) => Describe(r.Headers.Authorization.ToString()));
        app.MapGet("/to-other", (string target) => Results.Redirect(target));
    }

    private static string Describe(string authorization)
    {
        if (authorization.Length == 0)
        {
            return "(none)";
        }

        if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return "Basic " + Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
        }

        return authorization;
    }

    private HeraldClient Client(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.BaseAddress = _server.BaseAddress;
        configure?.Invoke(o);
    });
}
