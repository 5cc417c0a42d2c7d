namespace Herald.Client;

/// <summary>
/// Configures the private HTTP cache (RFC 9111) that <see cref="CacheClientOptionsExtensions.AddCache"/> installs as
/// <see cref="HeraldMiddleware.Cache"/>.
/// </summary>
/// <remarks>
/// <para>It is a private cache, a browser's rather than a proxy's: <c>private</c> responses are stored,
/// <c>s-maxage</c>, <c>proxy-revalidate</c> and the shared-cache rules about <c>Authorization</c> do not apply.
/// Responses to requests that carry <c>Authorization</c> are stored (see <see cref="CacheAuthorizedRequests"/>), keyed
/// by a keyed hash (HMAC-SHA256 under <see cref="KeySecret"/>) of the credential so that a call with other credentials,
/// or none, never gets them. Store keys are keyed hashes too, of the URL with its query: a store never holds a URL, a
/// query's API key or a credential, nor a plain hash that a dictionary could reverse.</para>
/// <para>The cache sees a request as it leaves the auth middleware: credentials the transport adds by itself
/// (NTLM or Negotiate through <see cref="AuthOptions.Credentials"/>) and cookies the cookie middleware adds from the jar
/// are invisible to it. Share a store only between clients that act for the same user in those respects. On a client
/// with the cookie middleware (<see cref="HeraldMiddleware.Cookies"/>, installed by default), a response whose
/// <c>Vary</c> names <c>Cookie</c> is never stored, nor served from a store another client filled: the cache cannot
/// tell which <c>Cookie</c> the jar will add, and a login or logout changes it without the URL changing.</para>
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
    /// responses (RFC 9111 §3.5 restricts shared caches only); Herald keys them by an HMAC-SHA256 of the credential
    /// under <see cref="KeySecret"/>, so other credentials (or none) never get them, and the store never holds the
    /// credential itself nor anything it could be recovered from without the secret. Turn it off when
    /// a shared <see cref="DistributedHttpCacheStore"/> must hold no per-user data at all.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CacheAuthorizedRequests { get; set; } = true;

    /// <summary>The fewest bytes a <see cref="KeySecret"/> may have: 32, the size of an HMAC-SHA256.</summary>
    public const int MinKeySecretBytes = 32;

    /// <summary>
    /// Gets or sets the secret under which store keys (URLs with their query) and the values of varied request headers
    /// (<c>Authorization</c> among them) are hashed with HMAC-SHA256 before they reach the <see cref="Store"/>. Every app
    /// instance sharing a <see cref="DistributedHttpCacheStore"/> must set the same secret to share entries; keep it
    /// with the app's other secrets (a key vault, user secrets), and make one with
    /// <c>RandomNumberGenerator.GetBytes(32)</c>. Changing it makes every stored entry unreachable (they expire).
    /// The array is copied when the cache is added.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: a random secret made once per process, which suits a
    /// <see cref="MemoryHttpCacheStore"/>. It is required (at least <see cref="MinKeySecretBytes"/> bytes) with a
    /// <see cref="DistributedHttpCacheStore"/>: a cache shared through Redis must not be readable by whoever can read
    /// Redis, and instances with different random secrets would never find each other's entries.</value>
    public byte[]? KeySecret { get; set; }

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

        if (KeySecret is { Length: < MinKeySecretBytes } secret)
        {
            throw new ArgumentException(
                $"HttpCacheOptions.KeySecret has {secret.Length} bytes; it needs at least {MinKeySecretBytes} random bytes "
                + "(RandomNumberGenerator.GetBytes(32)), not a password.",
                nameof(KeySecret));
        }

        if (KeySecret is null && Store is DistributedHttpCacheStore)
        {
            throw new ArgumentException(
                "HttpCacheOptions.KeySecret must be set when Store is a DistributedHttpCacheStore: keys and credential hashes "
                + "in a shared cache are HMACs under that secret, so that whoever can read the cache cannot recover URLs or "
                + "credentials from them. Generate one with RandomNumberGenerator.GetBytes(32), keep it with the app's other "
                + "secrets, and give every instance that shares the cache the same value.",
                nameof(KeySecret));
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
