namespace Herald.Client;

/// <summary>
/// Per-request cache settings on <see cref="HeraldRequest"/>. The standard request directives need no extension: send
/// <c>Cache-Control</c> yourself (<c>r.Header("Cache-Control", "no-cache")</c>, <c>max-age=60</c>, <c>max-stale</c>,
/// <c>min-fresh=30</c>, <c>only-if-cached</c>) and the cache honours it (RFC 9111 §5.2.1).
/// </summary>
public static class CacheRequestExtensions
{
    /// <summary>The per-request switch read by the cache middleware.</summary>
    internal static readonly HttpRequestOptionsKey<bool> EnabledKey = new("Herald.Cache.Enabled");

    /// <summary>
    /// Sets whether this request uses the cache. <see langword="false"/> goes straight to the server, stores nothing and
    /// reports <see cref="HttpCacheStatus.Bypass"/>; an unsafe method still invalidates what it changes.
    /// </summary>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    public static HeraldRequest UseCache(this HeraldRequest request, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(EnabledKey, enabled);
    }
}
