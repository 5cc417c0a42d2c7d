using System.Net;
using System.Security.Cryptography.X509Certificates;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Herald.Client.Tests.Transport;

public sealed class HttpVersionTests : IAsyncLifetime
{
    private X509Certificate2 _ca = null!;
    private LoopbackServer _tls = null!;
    private LoopbackServer _h2c = null!;

    public async Task InitializeAsync()
    {
        _ca = TestCertificates.CreateAuthority();
        _tls = await LoopbackServer.StartAsync(Map, https: true, certificate: TestCertificates.CreateServerCertificate(_ca));
        _h2c = await LoopbackServer.StartAsync(Map, protocols: HttpProtocols.Http2);
    }

    public async Task DisposeAsync()
    {
        await _tls.DisposeAsync();
        await _h2c.DisposeAsync();
        _ca.Dispose();
    }

    [Fact]
    public async Task HttpVersion_Default_IsHttp11EvenWhereHttp2IsOffered()
    {
        using var client = Tls();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protocol"));

        Assert.Equal(HttpVersion.Version11, response.Message.Version);
        Assert.Equal("HTTP/1.1", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpVersion_Http2OverTls_IsNegotiatedWithAlpn()
    {
        using var client = Tls(o => o.Transport.HttpVersion = HttpVersion.Version20);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protocol"));

        Assert.Equal(HttpVersion.Version20, response.Message.Version);
        Assert.Equal("HTTP/2", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpVersion_Http2ExactOverCleartext_UsesPriorKnowledge()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _h2c.BaseAddress;
            o.Transport.HttpVersion = HttpVersion.Version20;
            o.Transport.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protocol"));

        Assert.Equal(HttpVersion.Version20, response.Message.Version);
        Assert.Equal("HTTP/2", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpVersion_OnRequest_OverridesOptions()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _h2c.BaseAddress);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protocol")
            .HttpVersion(HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact));

        Assert.Equal("HTTP/2", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadTimeout_Http2BodyRead_WorksOverTheSharedConnection()
    {
        using var client = Tls(o =>
        {
            o.Transport.HttpVersion = HttpVersion.Version20;
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(30);
        });

        var bodies = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protocol"));
            return await response.Message.Content.ReadAsStringAsync();
        }));

        Assert.All(bodies, b => Assert.Equal("HTTP/2", b));
    }

    private static void Map(WebApplication app) => app.MapGet("/protocol", (HttpRequest r) => r.Protocol);

    private HeraldClient Tls(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = _tls.BaseAddress;
        o.Transport.TrustedRootCertificates.Add(_ca);
        configure?.Invoke(o);
    });
}
