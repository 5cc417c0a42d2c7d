using System.Collections;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// An ordered list of HTTP header fields: lookup ignores case, every value of a repeated header is kept in the order
/// it was added or received, and each name keeps the casing it was first given. Values may be strings, numbers,
/// dates (sent as IMF-fixdate), booleans or sequences of those.
/// </summary>
/// <remarks>Request headers are mutable; the headers of a <see cref="HeraldResponse"/> are read-only.</remarks>
public sealed class HeraldHeaders : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries;
    private readonly bool _readOnly;

    /// <summary>Creates an empty, mutable header list.</summary>
    public HeraldHeaders()
    {
        _entries = [];
    }

    private HeraldHeaders(List<KeyValuePair<string, string>> entries, bool readOnly)
    {
        _entries = entries;
        _readOnly = readOnly;
    }

    /// <summary>Gets the number of header fields (a header repeated three times counts three).</summary>
    public int Count => _entries.Count;

    /// <summary>Gets whether the headers can be changed (response headers cannot).</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>Gets the distinct header names, in first-seen order and casing.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, _) in _entries)
            {
                if (seen.Add(name))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// Gets the first value of the header <paramref name="name"/> (any case), or <see langword="null"/>; setting
    /// replaces every value (a <see langword="null"/> value removes the header).
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when the name is not a token or the value contains CR, LF or NUL.</exception>
    public string? this[string name]
    {
        get => TryGetValue(name, out var value) ? value : null;
        set => Set(name, value);
    }

    /// <summary>Adds a value after any existing values of <paramref name="name"/>; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The header name, kept in this casing.</param>
    /// <param name="value">A string, number, date, boolean, or a sequence of those (one field per item).</param>
    /// <returns>These headers, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when the name is not a token or a value contains CR, LF or NUL.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the headers are read-only.</exception>
    public HeraldHeaders Add(string name, object? value)
    {
        ThrowIfReadOnly();
        HeaderValues.ValidateName(name);
        var values = new List<string>(1);
        HeaderValues.Format(name, value, values);
        var existing = FindName(name) ?? name;
        foreach (var v in values)
        {
            _entries.Add(new(existing, v));
        }

        return this;
    }

    /// <summary>Replaces every value of <paramref name="name"/>; a <see langword="null"/> value removes the header.</summary>
    /// <returns>These headers, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when the name is not a token or a value contains CR, LF or NUL.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the headers are read-only.</exception>
    public HeraldHeaders Set(string name, object? value)
    {
        ThrowIfReadOnly();
        HeaderValues.ValidateName(name);
        var values = new List<string>(1);
        HeaderValues.Format(name, value, values);
        var index = _entries.FindIndex(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
        RemoveAll(name);
        if (index < 0 || index > _entries.Count)
        {
            index = _entries.Count;
        }

        // Keep the header where it was, so replacing a value does not reorder the fields.
        _entries.InsertRange(index, values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Removes every value of <paramref name="name"/>.</summary>
    /// <returns><see langword="true"/> when something was removed.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the headers are read-only.</exception>
    public bool Remove(string name)
    {
        ThrowIfReadOnly();
        ArgumentNullException.ThrowIfNull(name);
        return RemoveAll(name) > 0;
    }

    /// <summary>Returns whether a header named <paramref name="name"/> (any case) is present.</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindName(name) is not null;
    }

    /// <summary>Returns every value of <paramref name="name"/> (any case) in order; empty when absent.</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        List<string>? values = null;
        foreach (var (key, value) in _entries)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                (values ??= []).Add(value);
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Gets the first value of <paramref name="name"/> (any case).</summary>
    /// <returns><see langword="true"/> when the header is present.</returns>
    public bool TryGetValue(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (key, v) in _entries)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Returns a mutable copy of these headers.</summary>
    public HeraldHeaders Clone() => new([.. _entries], readOnly: false);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns the fields one per line as <c>Name: value</c>.</summary>
    public override string ToString() => string.Join("\n", _entries.Select(e => $"{e.Key}: {e.Value}"));

    /// <summary>Wraps received fields without checking them again (the transport parsed them).</summary>
    internal static HeraldHeaders ReadOnlyFrom(List<KeyValuePair<string, string>> entries) => new(entries, readOnly: true);

    /// <summary>Returns a read-only copy.</summary>
    internal HeraldHeaders AsReadOnly() => new([.. _entries], readOnly: true);

    private string? FindName(string name)
    {
        foreach (var (key, _) in _entries)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    private int RemoveAll(string name) =>
        _entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("These headers are read-only (they were received); copy them with Clone() to change them.");
        }
    }
}
