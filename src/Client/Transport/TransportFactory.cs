using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Internal;

/// <summary>
/// Builds the transport under the middleware from the client options: a <see cref="SocketsHttpHandler"/> configured
/// from <see cref="TransportOptions"/> (and the framework credentials of <see cref="AuthOptions"/>), under a thin
/// <see cref="TransportPolicyHandler"/> that applies the HTTP version, the read timeout and clear error messages.
/// </summary>
internal static class TransportFactory
{
    private static readonly HashSet<string> ProxySchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "socks4", "socks4a", "socks5" };

    /// <summary>
    /// Creates the transport. Its own redirects, cookies and decompression are always off: Herald's middleware owns them.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when a transport option is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Thrown when transport options contradict each other.</exception>
    public static HttpMessageHandler Create(HeraldClientOptions options)
    {
        var sockets = CreateSocketsHandler(options);
        return new TransportPolicyHandler(options.Transport) { InnerHandler = sockets };
    }

    /// <summary>Creates and configures the <see cref="SocketsHttpHandler"/> alone, validating the options.</summary>
    internal static SocketsHttpHandler CreateSocketsHandler(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transport = options.Transport;
        Validate(transport);

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = transport.MaxConnectionsPerServer,
            PooledConnectionIdleTimeout = transport.PooledConnectionIdleTimeout,
            PooledConnectionLifetime = transport.PooledConnectionLifetime,
            ConnectTimeout = transport.ConnectTimeout,
            // Scoped like every client-wide credential: the transport sees every redirect hop, to any host.
            Credentials = ScopedCredentials.For(options),
            PreAuthenticate = options.Auth.PreAuthenticate,
            SslOptions = CreateSslOptions(transport),
        };

        if (transport.Proxy is { } proxy)
        {
            handler.UseProxy = true;
            handler.Proxy = CreateProxy(proxy, transport);
        }
        else
        {
            // Proxy left null with UseProxy on is the framework's system proxy (HttpClient.DefaultProxy).
            handler.UseProxy = transport.UseSystemProxy;
        }

        if (transport.Insecure)
        {
            options.Logging.ResolveLogger().LogWarning(
                "TLS certificate validation is OFF for this client (TransportOptions.Insecure = true): any server certificate is accepted and traffic can be intercepted. Use it only for local testing; for a private CA set TransportOptions.TrustedRootCertificates instead.");
        }

        return handler;
    }

    private static SslClientAuthenticationOptions CreateSslOptions(TransportOptions transport)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            CertificateRevocationCheckMode = transport.CheckCertificateRevocation
                ? X509RevocationMode.Online
                : X509RevocationMode.NoCheck,
        };

        if (transport.ClientCertificates.Count > 0)
        {
            ssl.ClientCertificates = [.. transport.ClientCertificates];
        }

        if (transport.Insecure)
        {
            ssl.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (transport.TrustedRootCertificates.Count > 0)
        {
            // The framework validates the chain against these roots only and still checks the host name.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = ssl.CertificateRevocationCheckMode,
                DisableCertificateDownloads = !transport.CheckCertificateRevocation,
            };
            policy.CustomTrustStore.AddRange(transport.TrustedRootCertificates);
            ssl.CertificateChainPolicy = policy;
        }

        return ssl;
    }

    private static HeraldWebProxy CreateProxy(Uri proxy, TransportOptions transport)
    {
        var credentials = transport.ProxyCredentials;
        var address = proxy;
        if (!string.IsNullOrEmpty(proxy.UserInfo))
        {
            if (credentials is not null)
            {
                throw new InvalidOperationException(
                    "TransportOptions.Proxy carries credentials in its user-info and TransportOptions.ProxyCredentials is set too; give them once.");
            }

            var colon = proxy.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? proxy.UserInfo : proxy.UserInfo[..colon];
            var password = colon < 0 ? string.Empty : proxy.UserInfo[(colon + 1)..];
            credentials = new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
            address = new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        return new HeraldWebProxy(address, credentials, ProxyBypassList.Parse(transport.ProxyBypass));
    }

    private static void Validate(TransportOptions transport)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(transport.MaxConnectionsPerServer, 1, "TransportOptions.MaxConnectionsPerServer");
        RequireTimeout(transport.PooledConnectionIdleTimeout, "TransportOptions.PooledConnectionIdleTimeout", allowZero: true);
        RequireTimeout(transport.PooledConnectionLifetime, "TransportOptions.PooledConnectionLifetime", allowZero: true);
        RequireTimeout(transport.ConnectTimeout, "TransportOptions.ConnectTimeout", allowZero: false);
        RequireTimeout(transport.ReadTimeout, "TransportOptions.ReadTimeout", allowZero: false);

        if (transport.HttpVersion is not { Major: 1, Minor: 0 or 1 } and not { Major: 2 or 3, Minor: 0 })
        {
            throw new ArgumentException(
                $"TransportOptions.HttpVersion {transport.HttpVersion} is not an HTTP version; use 1.0, 1.1, 2.0 or 3.0.",
                nameof(TransportOptions.HttpVersion));
        }

        if (!Enum.IsDefined(transport.VersionPolicy))
        {
            throw new ArgumentException($"TransportOptions.VersionPolicy {transport.VersionPolicy} is not a defined HttpVersionPolicy.", nameof(TransportOptions.VersionPolicy));
        }

        if (transport.Proxy is { } proxy)
        {
            if (!proxy.IsAbsoluteUri || !ProxySchemes.Contains(proxy.Scheme) || string.IsNullOrEmpty(proxy.Host))
            {
                throw new ArgumentException(
                    $"TransportOptions.Proxy '{DisplayUrl.Of(proxy, showQuery: false)}' is not a proxy address; use http://host:port, https://host:port or socks5://host:port (socks4 and socks4a too).",
                    nameof(TransportOptions.Proxy));
            }

            if (proxy.AbsolutePath != "/" || proxy.Query.Length > 0)
            {
                throw new ArgumentException(
                    $"TransportOptions.Proxy '{DisplayUrl.Of(proxy, showQuery: false)}' has a path or query; a proxy address is scheme://host:port only.",
                    nameof(TransportOptions.Proxy));
            }
        }
        else if (transport.ProxyCredentials is not null)
        {
            throw new InvalidOperationException("TransportOptions.ProxyCredentials is set but TransportOptions.Proxy is not; set the proxy address too.");
        }

        if (transport.Insecure && transport.TrustedRootCertificates.Count > 0)
        {
            throw new InvalidOperationException(
                "TransportOptions.Insecure accepts every certificate, so TransportOptions.TrustedRootCertificates would be ignored; set one or the other.");
        }

        foreach (var certificate in transport.ClientCertificates)
        {
            if (!certificate.HasPrivateKey)
            {
                throw new ArgumentException(
                    $"TransportOptions.ClientCertificates: '{certificate.Subject}' has no private key, so it cannot authenticate the client; load it from a PFX/PKCS#12 file or with its key.",
                    nameof(TransportOptions.ClientCertificates));
            }
        }
    }

    private static void RequireTimeout(TimeSpan value, string name, bool allowZero)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero) || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be {(allowZero ? "zero or more" : "more than zero")} and at most {TimeSpan.FromMilliseconds(int.MaxValue)}, or Timeout.InfiniteTimeSpan.");
        }
    }
}
