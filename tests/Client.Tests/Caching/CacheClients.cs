using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Caching;

/// <summary>Builds clients with the cache installed and a fake clock that starts at the cache server's date.</summary>
public static class CacheClients
{
    /// <summary>A client over real sockets with the cache on; advance <paramref name="clock"/> to age entries.</summary>
    public static HeraldClient Create(ManualTimeProvider clock, Action<HttpCacheOptions>? configure = null, Action<HeraldClientOptions>? client = null) =>
        new(o =>
        {
            o.TimeProvider = clock;
            o.ThrowOnError = false;
            o.AddCache(configure);
            client?.Invoke(o);
        });

    /// <summary>A fake clock set to <see cref="CacheServer.Date"/>, so the server's <c>Date</c> gives an age of zero.</summary>
    public static ManualTimeProvider Clock()
    {
        var clock = new ManualTimeProvider();
        var gap = CacheServer.Date - clock.GetUtcNow();
        if (gap > TimeSpan.Zero)
        {
            clock.Advance(gap);
        }

        return clock;
    }
}
