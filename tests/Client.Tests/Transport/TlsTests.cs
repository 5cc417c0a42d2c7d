using System.Security.Cryptography.X509Certificates;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Tests.Transport;

public sealed class TlsTests : IAsyncLifetime
{
    private X509Certificate2 _ca = null!;
    private LoopbackServer _signed = null!;
    private LoopbackServer _selfSigned = null!;
    private LoopbackServer _mutual = null!;

    public async Task InitializeAsync()
    {
        _ca = TestCertificates.CreateAuthority();
        _signed = await LoopbackServer.StartAsync(Map, https: true, certificate: TestCertificates.CreateServerCertificate(_ca));
        _selfSigned = await LoopbackServer.StartAsync(Map, https: true);
        _mutual = await LoopbackServer.StartAsync(Map, https: true, certificate: TestCertificates.CreateServerCertificate(_ca),
            configureHttps: h =>
            {
                h.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                h.AllowAnyClientCertificate();
            });
    }

    public async Task DisposeAsync()
    {
        await _signed.DisposeAsync();
        await _selfSigned.DisposeAsync();
        await _mutual.DisposeAsync();
        _ca.Dispose();
    }

    [Fact]
    public async Task DefaultValidation_SelfSignedServer_FailsWithAClearMessage()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _selfSigned.BaseAddress);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello")));

        Assert.Equal(HttpRequestError.SecureConnectionError, ex.HttpRequestError);
        Assert.Contains($"TLS with https://127.0.0.1:{_selfSigned.Port} failed", ex.Message);
        Assert.Contains("TransportOptions.TrustedRootCertificates", ex.Message);
        Assert.Contains("TransportOptions.Insecure", ex.Message);
    }

    [Fact]
    public async Task DefaultValidation_ServerSignedByUnknownCa_Fails()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _signed.BaseAddress);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello")));

        Assert.Equal(HttpRequestError.SecureConnectionError, ex.HttpRequestError);
    }

    [Fact]
    public async Task TrustedRootCertificates_ServerSignedByThatCa_Succeeds()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _signed.BaseAddress;
            o.Transport.TrustedRootCertificates.Add(_ca);
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Equal("hello over tls", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TrustedRootCertificates_ServerSignedByAnotherCa_Fails()
    {
        using var otherCa = TestCertificates.CreateAuthority("Some Other CA");
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _signed.BaseAddress;
            o.Transport.TrustedRootCertificates.Add(otherCa);
        });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello")));

        Assert.Equal(HttpRequestError.SecureConnectionError, ex.HttpRequestError);
        Assert.Contains("must end at one of TransportOptions.TrustedRootCertificates", ex.Message);
    }

    [Fact]
    public async Task Insecure_SelfSignedServer_IsAcceptedAndWarnedAboutOnce()
    {
        var log = new CapturingLogger();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _selfSigned.BaseAddress;
            o.Transport.Insecure = true;
            o.Logging.Logger = log;
        });

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));
            Assert.Equal("hello over tls", await response.Message.Content.ReadAsStringAsync());
        }

        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("TransportOptions.Insecure", warning.Message);
    }

    [Fact]
    public async Task ClientCertificates_ServerRequiresOne_PresentsIt()
    {
        using var certificate = TestCertificates.CreateClientCertificate("herald-client", _ca);
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _mutual.BaseAddress;
            o.Transport.TrustedRootCertificates.Add(_ca);
            o.Transport.ClientCertificates.Add(certificate);
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "who"));

        Assert.Equal("CN=herald-client", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClientCertificates_NoneButServerRequiresOne_Fails()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _mutual.BaseAddress;
            o.Transport.TrustedRootCertificates.Add(_ca);
        });

        await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "who"));
            await response.Message.Content.ReadAsStringAsync();
        });
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/hello", () => "hello over tls");
        app.MapGet("/who", (HttpContext c) => c.Connection.ClientCertificate?.Subject ?? "(no client certificate)");
    }
}
