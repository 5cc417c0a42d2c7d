using System.Collections;

namespace Herald.Client;

/// <summary>
/// The ordered middleware of a <see cref="HeraldClient"/>, outermost first (Ktor's <c>install</c>, clj-http's
/// <c>with-middleware</c>). Each entry is a name and a factory: the client calls every factory once when it is built,
/// so one options object can build many clients.
/// </summary>
public sealed class MiddlewareCollection : IEnumerable<KeyValuePair<string, Func<DelegatingHandler>>>
{
    private readonly List<KeyValuePair<string, Func<DelegatingHandler>>> _entries = [];

    /// <summary>Gets the number of middleware entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the names of the entries, outermost first.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Key);

    /// <summary>Adds middleware at the inner end, just above the transport, where it sees every hop of a call.</summary>
    /// <param name="name">A name unique in this collection, used to remove or move the entry later.</param>
    /// <param name="factory">Creates a new handler for each client built from these options.</param>
    /// <returns>This collection, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty or already present.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    public MiddlewareCollection Add(string name, Func<DelegatingHandler> factory) => Insert(_entries.Count, name, factory);

    /// <summary>Inserts middleware at <paramref name="index"/>; index 0 is outermost and sees each logical call once.</summary>
    /// <param name="index">The position, from 0 (outermost) to <see cref="Count"/> (innermost).</param>
    /// <param name="name">A name unique in this collection.</param>
    /// <param name="factory">Creates a new handler for each client built from these options.</param>
    /// <returns>This collection, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty or already present.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="index"/> is outside 0..<see cref="Count"/>.</exception>
    public MiddlewareCollection Insert(int index, string name, Func<DelegatingHandler> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _entries.Count);
        if (Contains(name))
        {
            throw new ArgumentException($"Middleware '{name}' is already installed. Remove or Replace it first.", nameof(name));
        }

        _entries.Insert(index, new(name, factory));
        return this;
    }

    /// <summary>Inserts middleware just outside (before) the entry named <paramref name="existing"/>.</summary>
    /// <returns>This collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">Thrown when no entry is named <paramref name="existing"/>.</exception>
    public MiddlewareCollection InsertBefore(string existing, string name, Func<DelegatingHandler> factory) =>
        Insert(IndexOfRequired(existing), name, factory);

    /// <summary>Inserts middleware just inside (after) the entry named <paramref name="existing"/>.</summary>
    /// <returns>This collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">Thrown when no entry is named <paramref name="existing"/>.</exception>
    public MiddlewareCollection InsertAfter(string existing, string name, Func<DelegatingHandler> factory) =>
        Insert(IndexOfRequired(existing) + 1, name, factory);

    /// <summary>Replaces the factory of the entry named <paramref name="name"/>, keeping its position.</summary>
    /// <returns>This collection, for chaining.</returns>
    /// <exception cref="InvalidOperationException">Thrown when no entry is named <paramref name="name"/>.</exception>
    public MiddlewareCollection Replace(string name, Func<DelegatingHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _entries[IndexOfRequired(name)] = new(name, factory);
        return this;
    }

    /// <summary>Removes the entry named <paramref name="name"/> if present.</summary>
    /// <returns><see langword="true"/> when an entry was removed.</returns>
    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _entries.RemoveAt(index);
        return true;
    }

    /// <summary>
    /// Installs a built-in middleware where <see cref="HeraldMiddleware"/>'s documented order puts it: just outside
    /// the first installed entry that comes after it in that order (entries of the user's own keep their place), or
    /// replaces the factory of an entry already installed under that name.
    /// </summary>
    internal MiddlewareCollection InstallInOrder(string name, Func<DelegatingHandler> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var rank = HeraldMiddleware.RankOf(name);
        if (rank < 0)
        {
            throw new ArgumentException($"'{name}' is not a built-in middleware name.", nameof(name));
        }

        if (Contains(name))
        {
            return Replace(name, factory);
        }

        var index = _entries.FindIndex(e => HeraldMiddleware.RankOf(e.Key) > rank);
        return Insert(index < 0 ? _entries.Count : index, name, factory);
    }

    /// <summary>Removes every entry, built-in ones included: the client then talks to the transport directly.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Returns whether an entry is named <paramref name="name"/>.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Returns the position of the entry named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _entries.FindIndex(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Func<DelegatingHandler>>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOfRequired(string name)
    {
        var index = IndexOf(name);
        return index >= 0
            ? index
            : throw new InvalidOperationException(
                $"No middleware named '{name}' is installed. Installed: {string.Join(", ", Names)}.");
    }
}
