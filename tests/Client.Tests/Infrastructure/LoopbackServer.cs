using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 with an OS-assigned port that the client under test talks to through real sockets.
/// Optionally HTTPS with a self-signed certificate (see <see cref="TestCertificates"/>).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress, X509Certificate2? certificate)
    {
        _app = app;
        BaseAddress = baseAddress;
        Certificate = certificate;
    }

    /// <summary>The root address, e.g. <c>http://127.0.0.1:41234/</c> (always with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port the server listens on.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>The server certificate when started with HTTPS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Builds an absolute URL on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    /// <summary>Starts a server with the endpoints <paramref name="map"/> adds.</summary>
    /// <param name="map">Maps endpoints (and middleware) on the app.</param>
    /// <param name="https">Serve HTTPS with <paramref name="certificate"/> or a fresh self-signed certificate.</param>
    /// <param name="certificate">The server certificate for HTTPS.</param>
    /// <param name="protocols">The HTTP protocols to accept.</param>
    /// <param name="configureHttps">Further HTTPS settings (client certificate mode, …).</param>
    public static async Task<LoopbackServer> StartAsync(
        Action<WebApplication> map,
        bool https = false,
        X509Certificate2? certificate = null,
        HttpProtocols protocols = HttpProtocols.Http1AndHttp2,
        Action<Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions>? configureHttps = null)
    {
        if (https)
        {
            certificate ??= TestCertificates.CreateServerCertificate();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = https ? protocols : (protocols == HttpProtocols.Http2 ? HttpProtocols.Http2 : HttpProtocols.Http1);
                if (https)
                {
                    listen.UseHttps(o =>
                    {
                        o.ServerCertificate = certificate;
                        configureHttps?.Invoke(o);
                    });
                }
            });
        });

        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"), certificate);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
