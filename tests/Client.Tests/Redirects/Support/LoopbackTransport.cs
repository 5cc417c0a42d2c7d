using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Client.Tests.Redirects;

/// <summary>
/// A real <see cref="SocketsHttpHandler"/> for tests (its own redirects and cookies off, as Herald's transport) that
/// connects every host name to 127.0.0.1 on the URL's port, so <c>www.example.com</c>, <c>a.localhost</c> and
/// <c>example.org</c> all reach the test's Kestrel server while the client sees distinct hosts; and that trusts the
/// given self-signed server certificates.
/// </summary>
internal static class LoopbackTransport
{
    public static SocketsHttpHandler Create(params X509Certificate2?[] trusted)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = static async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        var certificates = trusted.OfType<X509Certificate2>().ToArray();
        if (certificates.Length > 0)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && certificates.Any(c => c.RawData.AsSpan().SequenceEqual(certificate.GetRawCertData())));
        }

        return handler;
    }

    /// <summary>An <see cref="HttpClient"/> over redirects → cookies (when given) → the loopback transport.</summary>
    public static HttpClient Chain(RedirectOptions? redirects, CookieJarOptions? cookies, params X509Certificate2?[] trusted)
    {
        HttpMessageHandler inner = Create(trusted);
        if (cookies is not null)
        {
            inner = new CookieHandler(cookies) { InnerHandler = inner };
        }

        if (redirects is not null)
        {
            inner = new RedirectHandler(redirects) { InnerHandler = inner };
        }

        return new HttpClient(inner);
    }
}
