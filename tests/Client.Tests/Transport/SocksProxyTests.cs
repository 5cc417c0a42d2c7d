using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Client.Tests.Transport;

/// <summary>Requests through a real SOCKS5 proxy: Debian's dante, started per test on a free loopback port.</summary>
public sealed class SocksProxyTests : IAsyncLifetime
{
    private int _served;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app => app.MapGet("/hello", () =>
        {
            Interlocked.Increment(ref _served);
            return "hello via socks";
        }));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RequiresToolFact(DanteProxy.Path, "dante-server")]
    public async Task Proxy_Socks5_ReachesTheServerThroughDante()
    {
        await using var dante = await DanteProxy.StartAsync();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.Proxy = dante.Address;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Equal("hello via socks", await response.Message.Content.ReadAsStringAsync());
        Assert.Equal(1, Volatile.Read(ref _served));
        var logged = await dante.WaitForConnectionToAsync(_server.Port);
        Assert.Contains($"127.0.0.1.{dante.Port} ->", logged);
    }

    [RequiresToolFact(DanteProxy.Path, "dante-server")]
    public async Task Proxy_Socks5Down_FailsInsteadOfGoingDirect()
    {
        var dante = await DanteProxy.StartAsync();
        var address = dante.Address;
        await dante.DisposeAsync();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.Proxy = address;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello")));

        Assert.Equal(0, Volatile.Read(ref _served));
    }

    [RequiresToolFact(DanteProxy.Path, "dante-server")]
    public async Task ProxyBypass_Socks5_SkipsDanteForBypassedHosts()
    {
        var dante = await DanteProxy.StartAsync();
        var address = dante.Address;
        await dante.DisposeAsync();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Transport.Proxy = address;
            o.Transport.ProxyBypass.Add("127.0.0.1");
        });

        // The proxy is down, so only a direct connection can succeed.
        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
