namespace Herald.Client.Internal;

/// <summary>What the cache middleware records for the response.</summary>
internal sealed partial class HeraldExchange
{
    /// <summary>How the last hop was served; each hop (a redirect, a retry) overwrites it.</summary>
    public HttpCacheStatus CacheStatus { get; set; }
}
