using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Transport;

/// <summary>Requests through a real HTTP forward proxy: Debian's squid, started per test on a free loopback port.</summary>
public sealed class HttpProxyTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/via", (HttpRequest r) => r.Headers.Via.Count == 0 ? "(direct)" : r.Headers.Via.ToString()));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task Proxy_Http_ForwardsTheRequestThroughSquid()
    {
        await using var squid = await SquidProxy.StartAsync();
        using var client = Client(o => o.Transport.Proxy = squid.Address);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(squid/", await response.Message.Content.ReadAsStringAsync());
    }

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task ProxyBypass_ExactHost_GoesDirect()
    {
        await using var squid = await SquidProxy.StartAsync();
        using var client = Client(o =>
        {
            o.Transport.Proxy = squid.Address;
            o.Transport.ProxyBypass.Add("127.0.0.1");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Equal("(direct)", await response.Message.Content.ReadAsStringAsync());
    }

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task ProxyBypass_Local_GoesDirectForLoopback()
    {
        await using var squid = await SquidProxy.StartAsync();
        using var client = Client(o =>
        {
            o.Transport.Proxy = squid.Address;
            o.Transport.ProxyBypass.Add("<local>");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Equal("(direct)", await response.Message.Content.ReadAsStringAsync());
    }

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task ProxyBypass_NonMatchingEntries_StillProxy()
    {
        await using var squid = await SquidProxy.StartAsync();
        using var client = Client(o =>
        {
            o.Transport.Proxy = squid.Address;
            o.Transport.ProxyBypass.Add("*.internal");
            o.Transport.ProxyBypass.Add("127.0.0.10");
            o.Transport.ProxyBypass.Add($"127.0.0.1:{_server.Port + 1}");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Contains("(squid/", await response.Message.Content.ReadAsStringAsync());
    }

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task Proxy_CredentialsInUserInfo_AuthenticateToTheProxy()
    {
        await using var squid = await SquidProxy.StartAsync(requireAuth: true);
        using var anonymous = Client(o => o.Transport.Proxy = squid.Address);
        using var authenticated = Client(o => o.Transport.Proxy = new Uri($"http://alice:s3cret@127.0.0.1:{squid.Port}"));

        using var refused = await anonymous.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));
        using var allowed = await authenticated.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("(squid/", await allowed.Message.Content.ReadAsStringAsync());
    }

    [RequiresToolFact(SquidProxy.Path, "squid")]
    public async Task Proxy_ProxyCredentials_AuthenticateToTheProxy()
    {
        await using var squid = await SquidProxy.StartAsync(requireAuth: true);
        using var client = Client(o =>
        {
            o.Transport.Proxy = squid.Address;
            o.Transport.ProxyCredentials = new NetworkCredential("bob", "hunter2");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "via"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HeraldClient Client(Action<HeraldClientOptions> configure) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.BaseAddress = _server.BaseAddress;
        configure(o);
    });
}
