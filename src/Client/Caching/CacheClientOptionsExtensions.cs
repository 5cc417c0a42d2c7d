using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>Installs the private HTTP cache on <see cref="HeraldClientOptions"/>.</summary>
public static class CacheClientOptionsExtensions
{
    /// <summary>
    /// Installs the private HTTP cache (RFC 9111) as <see cref="HeraldMiddleware.Cache"/>, between auth and cookies;
    /// calling it again replaces the cache with one of the new options. Each response then tells how it was served in
    /// <see cref="HeraldResponse.CacheStatus"/>.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <param name="configure">Sets the store, size bounds and rules, or <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a setting is invalid, or a <see cref="DistributedHttpCacheStore"/> is
    /// set without <see cref="HttpCacheOptions.KeySecret"/>; the message names the property.</exception>
    public static HeraldClientOptions AddCache(this HeraldClientOptions options, Action<HttpCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cache = new HttpCacheOptions();
        configure?.Invoke(cache);
        cache.Validate();

        // Copied now, as every option is: changing the HttpCacheOptions later does not reach clients built after.
        var store = cache.Store;
        var maxBodyBytes = cache.MaxBodyBytes;
        var fraction = cache.HeuristicFraction;
        var authorized = cache.CacheAuthorizedRequests;
        var keys = new CacheKeys(cache.KeySecret is { } secret ? [.. secret] : null);
        var clock = cache.TimeProvider;
        options.Middleware.InstallInOrder(
            HeraldMiddleware.Cache,
            () => new HttpCacheHandler(
                store,
                maxBodyBytes,
                fraction,
                authorized,
                keys,
                options.Middleware.Contains(HeraldMiddleware.Cookies),
                clock ?? options.TimeProvider ?? TimeProvider.System,
                options.Logging.ResolveLogger()));
        return options;
    }
}
