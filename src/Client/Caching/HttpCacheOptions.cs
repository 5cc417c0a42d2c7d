namespace Herald.Client;

/// <summary>
/// Configures the private HTTP cache (RFC 9111) that <see cref="CacheClientOptionsExtensions.AddCache"/> installs as
/// <see cref="HeraldMiddleware.Cache"/>.
/// </summary>
/// <remarks>
/// <para>It is a private cache, a browser's rather than a proxy's: <c>private</c> responses are stored,
/// <c>s-maxage</c>, <c>proxy-revalidate</c> and the shared-cache rules about <c>Authorization</c> do not apply.
/// Responses to requests that carry <c>Authorization</c> are stored (see <see cref="CacheAuthorizedRequests"/>), keyed
/// by a hash of the credential so that a call with other credentials, or none, never gets them.</para>
/// <para>The cache sees a request as it leaves the auth middleware: credentials the transport adds by itself
/// (NTLM or Negotiate through <see cref="AuthOptions.Credentials"/>) and cookies the cookie middleware adds from the jar
/// are invisible to it. Share a store only between clients that act for the same user in those respects; a response
/// whose <c>Vary</c> names <c>Cookie</c> while the jar supplied one is not stored.</para>
/// <para>Only GET responses are stored; HEAD is answered from a stored GET's headers when fresh, and its response
/// freshens the stored one. Unsafe methods (POST, PUT, DELETE, PATCH, …) that succeed invalidate the URL, and their
/// <c>Location</c> and <c>Content-Location</c> on the same origin.</para>
/// </remarks>
public sealed class HttpCacheOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The default <see cref="HeuristicFraction"/>: 0.1, as RFC 9111 §4.2.2 suggests.</summary>
    public const double DefaultHeuristicFraction = 0.1;

    /// <summary>
    /// Gets or sets where entries are kept. Share one store between clients to share their cache; use a
    /// <see cref="DistributedHttpCacheStore"/> to share it between processes.
    /// </summary>
    /// <value>The default value is a <see cref="MemoryHttpCacheStore"/> of <see cref="MemoryHttpCacheStore.DefaultSizeLimitBytes"/>
    /// (64 MiB), made with these options and shared by every client built from them.</value>
    public IHttpCacheStore Store { get; set; } = new MemoryHttpCacheStore();

    /// <summary>
    /// Gets or sets the largest response body stored. A larger body (by <c>Content-Length</c>, or found larger while
    /// reading) is not stored and reaches the caller streamed: at most this many bytes of it are held, never the whole.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxBodyBytes"/> (1 MiB).</value>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Gets or sets the share of a response's age since <c>Last-Modified</c> that it stays fresh when the server gives
    /// no <c>max-age</c> or <c>Expires</c> (heuristic freshness, RFC 9111 §4.2.2); <c>0</c> turns heuristics off.
    /// </summary>
    /// <value>The default value is <see cref="DefaultHeuristicFraction"/> (10%).</value>
    public double HeuristicFraction { get; set; } = DefaultHeuristicFraction;

    /// <summary>
    /// Gets or sets whether requests that carry <c>Authorization</c> use the cache. A private cache may store such
    /// responses (RFC 9111 §3.5 restricts shared caches only); Herald keys them by a SHA-256 hash of the credential, so
    /// other credentials (or none) never get them, and the store never holds the credential itself. Turn it off when
    /// a shared <see cref="DistributedHttpCacheStore"/> must hold no per-user data at all.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CacheAuthorizedRequests { get; set; } = true;

    /// <summary>Gets or sets the clock that ages entries.</summary>
    /// <value>The default value is <see langword="null"/>: the client's <see cref="HeraldClientOptions.TimeProvider"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Checks the settings; the message names the property to fix.</summary>
    internal void Validate()
    {
        if (Store is null)
        {
            throw new ArgumentException(
                "HttpCacheOptions.Store must not be null; leave the default MemoryHttpCacheStore or set a DistributedHttpCacheStore.",
                nameof(Store));
        }

        if (MaxBodyBytes < 0 || MaxBodyBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                "HttpCacheOptions.MaxBodyBytes",
                MaxBodyBytes,
                $"HttpCacheOptions.MaxBodyBytes must be from 0 to {Array.MaxLength} bytes (a stored body is kept in one array).");
        }

        if (double.IsNaN(HeuristicFraction) || HeuristicFraction < 0 || HeuristicFraction > 1)
        {
            throw new ArgumentOutOfRangeException(
                "HttpCacheOptions.HeuristicFraction",
                HeuristicFraction,
                "HttpCacheOptions.HeuristicFraction must be from 0 (no heuristic freshness) to 1; RFC 9111 suggests 0.1.");
        }
    }
}
