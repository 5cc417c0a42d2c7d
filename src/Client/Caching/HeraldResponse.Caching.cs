namespace Herald.Client;

public sealed partial class HeraldResponse
{
    /// <summary>
    /// Gets how the cache middleware served this response (hit, miss, validated, not cacheable, …), or
    /// <see cref="HttpCacheStatus.None"/> when no cache is installed. After redirects, it tells about the last hop.
    /// </summary>
    public HttpCacheStatus CacheStatus => _exchange.CacheStatus;
}
