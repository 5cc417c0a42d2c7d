namespace Herald.Client;

/// <summary>How the cache middleware (<see cref="HeraldMiddleware.Cache"/>) served a response: <see cref="HeraldResponse.CacheStatus"/>.</summary>
public enum HttpCacheStatus
{
    /// <summary>The cache did not see the call: it is not installed (<see cref="CacheClientOptionsExtensions.AddCache"/>).</summary>
    None = 0,

    /// <summary>Served from the cache without contacting the server: fresh, or stale within the request's <c>max-stale</c>.</summary>
    Hit,

    /// <summary>Fetched from the server (nothing usable was stored, or a stored response was replaced) and stored.</summary>
    Miss,

    /// <summary>A stored response was revalidated: the server answered <c>304 Not Modified</c> and the stored body was served.</summary>
    Validated,

    /// <summary>
    /// Fetched from the server and not stored: <c>no-store</c>, a status with no explicit freshness that is not cacheable
    /// by default, <c>Vary: *</c>, a body over <see cref="HttpCacheOptions.MaxBodyBytes"/>, or an error on revalidation.
    /// </summary>
    NotCacheable,

    /// <summary>
    /// The cache stepped aside: a method other than GET and HEAD (an unsafe one invalidates the URL), a range or
    /// conditional request of the caller's own, <see cref="CacheRequestExtensions.UseCache(HeraldRequest, bool)"/> off,
    /// or credentials with <see cref="HttpCacheOptions.CacheAuthorizedRequests"/> off.
    /// </summary>
    Bypass,

    /// <summary>
    /// The request said <c>Cache-Control: only-if-cached</c> and nothing usable was stored: the cache answered
    /// <c>504 Gateway Timeout</c> itself, without contacting the server (RFC 9111 §5.2.1.7).
    /// </summary>
    Unavailable,
}
