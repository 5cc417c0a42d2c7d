using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Herald.Client;

/// <summary>
/// Configures the transport under the middleware: connection pool, timeouts, proxy, TLS and HTTP version
/// (clj-http's <c>:connection-manager</c>, <c>:socket-timeout</c>, <c>:proxy-host</c>, <c>:insecure?</c>,
/// <c>:keystore</c>/<c>:trust-store</c>; Ktor's engine settings). Validated when the client is built.
/// </summary>
/// <remarks>
/// These settings apply to the <see cref="SocketsHttpHandler"/> Herald builds. When
/// <see cref="HeraldClientOptions.TransportHandler"/> supplies another innermost handler, that handler's own settings
/// apply instead.
/// </remarks>
public sealed class TransportOptions
{
    private readonly HeraldClientOptions? _client;

    /// <summary>Creates options whose clock, unless set, is <see cref="System.TimeProvider.System"/>.</summary>
    public TransportOptions()
    {
    }

    /// <summary>Creates the options of <paramref name="client"/>, whose clock they use unless they have their own.</summary>
    internal TransportOptions(HeraldClientOptions client) => _client = client;

    /// <summary>Gets or sets the maximum number of simultaneous connections to one server (scheme, host and port).</summary>
    /// <value>The default value is <see cref="int.MaxValue"/>: no limit. Requests beyond the limit wait for a free connection.</value>
    public int MaxConnectionsPerServer { get; set; } = int.MaxValue;

    /// <summary>Gets or sets how long a connection may sit idle in the pool before it is closed.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how long a pooled connection may live before it is retired (after its current request), so that a
    /// long-lived client notices DNS changes. <see cref="Timeout.InfiniteTimeSpan"/> keeps connections forever.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the longest wait for a TCP connection (and the proxy's handshake) to be established. A timeout
    /// throws <see cref="TimeoutException"/>.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the longest wait for the next bytes from the server: for the response headers once the request
    /// has been sent, then for each read of the body. A stalled server makes the call throw
    /// <see cref="TimeoutException"/>; a slow one that keeps sending never does. The whole-call time limit is the
    /// client's own timeout. <see cref="Timeout.InfiniteTimeSpan"/> waits forever.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the HTTP version requests ask for, unless a request sets its own
    /// (<see cref="TransportRequestExtensions.HttpVersion(HeraldRequest, Version, HttpVersionPolicy)"/>).
    /// HTTP/2 over <c>https</c> is negotiated with ALPN; over plain <c>http</c> it needs
    /// <see cref="HttpVersionPolicy.RequestVersionExact"/> (prior knowledge, h2c).
    /// </summary>
    /// <value>The default value is HTTP/1.1.</value>
    public Version HttpVersion { get; set; } = System.Net.HttpVersion.Version11;

    /// <summary>Gets or sets how <see cref="HttpVersion"/> is applied: exactly, or as a floor or ceiling.</summary>
    /// <value>The default value is <see cref="HttpVersionPolicy.RequestVersionOrLower"/>.</value>
    public HttpVersionPolicy VersionPolicy { get; set; } = HttpVersionPolicy.RequestVersionOrLower;

    /// <summary>
    /// Gets or sets the proxy every request goes through, unless its host is in <see cref="ProxyBypass"/>:
    /// <c>http://host:port</c>, <c>https://host:port</c>, <c>socks5://host:port</c>, <c>socks4://…</c> or
    /// <c>socks4a://…</c>. Credentials may be given as user-info (<c>http://user:password@host:port</c>,
    /// percent-encoded) or in <see cref="ProxyCredentials"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: see <see cref="UseSystemProxy"/>.</value>
    public Uri? Proxy { get; set; }

    /// <summary>Gets or sets the credentials for <see cref="Proxy"/> when they are not in its user-info.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ICredentials? ProxyCredentials { get; set; }

    /// <summary>
    /// Gets the hosts reached directly, not through <see cref="Proxy"/>. Each entry is a host name or IP address
    /// (<c>api.internal</c>, <c>10.0.0.7</c>), a wildcard pattern (<c>*.internal</c>, <c>10.0.*</c>), a domain with a
    /// leading dot (<c>.internal</c>: the domain and its subdomains), optionally with <c>:port</c>, or <c>&lt;local&gt;</c>
    /// (loopback addresses and host names without a dot). Matching is case-insensitive and whole-host: <c>internal</c>
    /// does not match <c>notinternal.com</c>.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> ProxyBypass { get; } = [];

    /// <summary>
    /// Gets or sets whether, with no <see cref="Proxy"/>, the system proxy is used (on Linux and macOS the
    /// <c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>ALL_PROXY</c> and <c>NO_PROXY</c> environment variables; on Windows
    /// the system settings), as <see cref="HttpClient"/> does. <see langword="false"/> connects directly.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseSystemProxy { get; set; } = true;

    /// <summary>
    /// Gets the client certificates offered for mutual TLS; each needs its private key. The server's requested
    /// issuers pick among several.
    /// </summary>
    /// <value>The default value is an empty collection: no client certificate.</value>
    public X509Certificate2Collection ClientCertificates { get; } = [];

    /// <summary>
    /// Gets the certificate authorities that alone are trusted to sign server certificates (a private trust store,
    /// clj-http's <c>:trust-store</c>). When not empty, a server chain must end at one of these; the system's roots
    /// are not consulted. Host names are still checked.
    /// </summary>
    /// <value>The default value is an empty collection: the system's trusted roots.</value>
    public X509Certificate2Collection TrustedRootCertificates { get; } = [];

    /// <summary>
    /// Gets or sets whether any server certificate is accepted, whoever issued it and whatever host it names
    /// (clj-http's <c>:insecure?</c>). For local testing only: it removes TLS's protection against interception.
    /// Building a client with it on logs a warning.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: certificates are validated.</value>
    public bool Insecure { get; set; }

    /// <summary>Gets or sets whether the server certificate's revocation status is checked online.</summary>
    /// <value>The default value is <see langword="false"/>, as for <see cref="HttpClient"/>.</value>
    public bool CheckCertificateRevocation { get; set; }

    /// <summary>Gets or sets a clock that times <see cref="ReadTimeout"/>, in place of the client's.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the client's <see cref="HeraldClientOptions.TimeProvider"/>
    /// (<see cref="System.TimeProvider.System"/> for options created on their own).
    /// </value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The clock in force: this object's, else the client's, else the system's.</summary>
    internal TimeProvider EffectiveTimeProvider => TimeProvider ?? _client?.TimeProvider ?? System.TimeProvider.System;
}
