using Microsoft.Extensions.Caching.Distributed;

namespace Herald.Client;

/// <summary>
/// An <see cref="IHttpCacheStore"/> over an <see cref="IDistributedCache"/> (Redis, SQL Server, …), so that several
/// instances of an app share one HTTP cache. Each entry is kept for <see cref="EntryLifetime"/> after it was last
/// written or read: a stale entry is still worth keeping, because it can be revalidated with a cheap <c>304</c>.
/// </summary>
/// <remarks>
/// Use it with <see cref="HttpCacheOptions.KeySecret"/> set (the cache refuses to be added without one), the same on
/// every instance: the keys this store receives are then HMAC-SHA256s of the URL under that secret, hex-encoded after
/// <see cref="KeyPrefix"/>, and the entries hold only keyed hashes of the request headers they vary on. Whoever can read
/// the distributed cache sees neither URLs nor query strings nor credentials, and cannot test guesses against them.
/// Response bodies and headers are stored as they came: turn <see cref="HttpCacheOptions.CacheAuthorizedRequests"/>
/// off when the cache must hold no per-user data at all.
/// </remarks>
public sealed class DistributedHttpCacheStore : IHttpCacheStore
{
    /// <summary>The default <see cref="KeyPrefix"/>: <c>herald:http-cache:</c>.</summary>
    public const string DefaultKeyPrefix = "herald:http-cache:";

    private readonly IDistributedCache _cache;
    private readonly DistributedCacheEntryOptions _entryOptions;

    /// <summary>Creates a store over <paramref name="cache"/>.</summary>
    /// <param name="cache">The distributed cache, e.g. from <c>services.AddStackExchangeRedisCache(...)</c>.</param>
    /// <param name="keyPrefix">Put before every key, so HTTP entries do not collide with the app's own.</param>
    /// <param name="entryLifetime">How long an entry is kept after its last use; <see langword="null"/> for one day.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="cache"/> or <paramref name="keyPrefix"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="entryLifetime"/> is not positive.</exception>
    public DistributedHttpCacheStore(IDistributedCache cache, string keyPrefix = DefaultKeyPrefix, TimeSpan? entryLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var lifetime = entryLifetime ?? TimeSpan.FromDays(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(entryLifetime));
        _cache = cache;
        KeyPrefix = keyPrefix;
        EntryLifetime = lifetime;
        _entryOptions = new DistributedCacheEntryOptions { SlidingExpiration = lifetime };
    }

    /// <summary>Gets the prefix put before every key.</summary>
    public string KeyPrefix { get; }

    /// <summary>Gets how long an entry is kept after it was last written or read.</summary>
    public TimeSpan EntryLifetime { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is <see langword="null"/>.</exception>
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> or <paramref name="entry"/> is <see langword="null"/>.</exception>
    public async ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        await _cache.SetAsync(KeyPrefix + key, entry, _entryOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is <see langword="null"/>.</exception>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _cache.RemoveAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
    }
}
