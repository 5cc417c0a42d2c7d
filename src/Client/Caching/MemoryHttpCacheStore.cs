namespace Herald.Client;

/// <summary>
/// An in-process <see cref="IHttpCacheStore"/> bounded by size: when a new entry would pass
/// <see cref="SizeLimitBytes"/>, the least recently used entries are dropped first. Thread-safe.
/// </summary>
/// <remarks>
/// A small LRU of its own rather than <c>MemoryCache</c> with a <c>SizeLimit</c>: <c>MemoryCache</c> refuses an entry
/// that does not fit and compacts later on a background thread, so what is kept depends on timing; here eviction is
/// immediate, exact in bytes and least-recently-used, and the client needs no extra package for its default store.
/// </remarks>
public sealed class MemoryHttpCacheStore : IHttpCacheStore
{
    /// <summary>The default <see cref="SizeLimitBytes"/>: 64 MiB.</summary>
    public const long DefaultSizeLimitBytes = 64L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, byte[]>>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, byte[]>> _recency = new();
    private long _size;

    /// <summary>Creates a store holding at most <paramref name="sizeLimitBytes"/> bytes of entries.</summary>
    /// <param name="sizeLimitBytes">The bound, counted as the entries' bytes plus their keys (two bytes a character).</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="sizeLimitBytes"/> is not positive.</exception>
    public MemoryHttpCacheStore(long sizeLimitBytes = DefaultSizeLimitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeLimitBytes);
        SizeLimitBytes = sizeLimitBytes;
    }

    /// <summary>Gets the most bytes the store holds.</summary>
    public long SizeLimitBytes { get; }

    /// <summary>Gets the bytes held now.</summary>
    public long Size
    {
        get
        {
            lock (_gate)
            {
                return _size;
            }
        }
    }

    /// <summary>Gets the number of entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is <see langword="null"/>.</exception>
    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return ValueTask.FromResult<byte[]?>(null);
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return ValueTask.FromResult<byte[]?>(node.Value.Value);
        }
    }

    /// <inheritdoc/>
    /// <remarks>An entry larger than <see cref="SizeLimitBytes"/> on its own is not stored (and replaces nothing).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> or <paramref name="entry"/> is <see langword="null"/>.</exception>
    public ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var cost = CostOf(key, entry);
        lock (_gate)
        {
            RemoveLocked(key);
            if (cost > SizeLimitBytes)
            {
                return ValueTask.CompletedTask;
            }

            while (_size + cost > SizeLimitBytes && _recency.Last is { } oldest)
            {
                RemoveLocked(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new KeyValuePair<string, byte[]>(key, entry));
            _size += cost;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="key"/> is <see langword="null"/>.</exception>
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            RemoveLocked(key);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _recency.Clear();
            _size = 0;
        }
    }

    private void RemoveLocked(string key)
    {
        if (_entries.Remove(key, out var node))
        {
            _recency.Remove(node);
            _size -= CostOf(key, node.Value.Value);
        }
    }

    private static long CostOf(string key, byte[] entry) => entry.LongLength + (key.Length * 2L);
}
