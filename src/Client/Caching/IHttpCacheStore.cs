namespace Herald.Client;

/// <summary>
/// Where the cache middleware keeps its entries: opaque bytes by key. Under a keyed hash of a URL (HMAC-SHA256 under
/// <see cref="HttpCacheOptions.KeySecret"/>, of the URL without user-info or fragment) it keeps a small record of the
/// headers that URL's responses vary on; under that key followed by a generation and a hash, one entry per variant (per
/// credential, per <c>Accept</c>, …) holding the status, headers, body, keyed hashes of the request headers named by
/// <c>Vary</c>, and the times freshness needs. A key never holds a URL, a query or a credential. Invalidating a URL removes its record; its
/// variants can then no longer be found and are left to the store's own eviction or expiry.
/// Implementations must be thread-safe. Herald ships <see cref="MemoryHttpCacheStore"/> (one process) and
/// <see cref="DistributedHttpCacheStore"/> (any <c>IDistributedCache</c>, so several instances can share one cache).
/// </summary>
/// <remarks>
/// A store may drop an entry at any time (a size bound, an expiry): that is a miss. A store that throws is treated as a
/// miss too, and the failure is logged through <see cref="ClientLoggingOptions"/>'s logger, so an outage of a shared
/// cache slows calls down but never fails them.
/// </remarks>
public interface IHttpCacheStore
{
    /// <summary>Gets the entry stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The entry's bytes, or <see langword="null"/> when nothing is stored.</returns>
    ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/>, replacing what was there.</summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The entry's bytes; the store may keep this array, and the caller does not change it afterwards.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry stored under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the entry is gone.</returns>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}
