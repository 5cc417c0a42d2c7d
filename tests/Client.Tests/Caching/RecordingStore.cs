using System.Collections.Concurrent;

namespace Herald.Client.Tests.Caching;

/// <summary>A memory store that remembers every key and value written, so a test can look at what the cache keeps.</summary>
public sealed class RecordingStore : IHttpCacheStore
{
    private readonly MemoryHttpCacheStore _inner = new();

    /// <summary>Every write, in order.</summary>
    public ConcurrentQueue<KeyValuePair<string, byte[]>> Writes { get; } = new();

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) => _inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default)
    {
        Writes.Enqueue(new(key, entry));
        return _inner.SetAsync(key, entry, cancellationToken);
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);
}
