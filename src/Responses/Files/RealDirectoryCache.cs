using System.Collections.Concurrent;

namespace Herald.Responses.Files;

/// <summary>
/// Remembers the real path of the base directories <c>Respond.File(baseDirectory, relativePath)</c> serves from, so a
/// request walks its relative path only instead of re-resolving the base segment by segment (each an <c>lstat</c>).
/// </summary>
/// <remarks>
/// An entry is trusted for <see cref="Lifetime"/> by the clock that resolved it, then resolved again: a base whose
/// links change (a deployment that swaps a <c>current</c> link to a new release) is followed within a second. A stale
/// entry can only name a directory that the application itself chose as the base a moment ago, so it never lets a path
/// escape; relative paths are still walked and checked on every request. Failed resolutions are not kept, so a base
/// that appears later is found at once. Bounded, because the base could be built from request data: when full it is
/// emptied, so bases met later are still cached.
/// </remarks>
internal static class RealDirectoryCache
{
    /// <summary>How long a resolved base is used before it is resolved again.</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 64;

    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>The real path of <paramref name="fullPath"/>, from the cache while it is fresh by <paramref name="clock"/>.</summary>
    public static string? GetRealPath(string fullPath, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (Entries.TryGetValue(fullPath, out var entry)
            && ReferenceEquals(entry.Clock, clock)
            && now >= entry.ResolvedAt
            && now - entry.ResolvedAt < Lifetime)
        {
            return entry.RealPath;
        }

        var realPath = SafeFilePath.TryGetRealPath(fullPath);
        if (realPath is not null)
        {
            if (Entries.Count >= MaxEntries && !Entries.ContainsKey(fullPath))
            {
                // Full, most likely of bases no longer used (they were built from request data, or belong to an app
                // that has stopped): start again rather than refuse new ones. At worst each base is resolved once more.
                Entries.Clear();
            }

            Entries[fullPath] = new Entry(realPath, clock, now);
        }

        return realPath;
    }

    // The clock is part of the entry: one process may host apps with different clocks (tests with a fake one), and a
    // time read from one says nothing about another's. A clock that went backwards also makes the entry stale.
    private sealed record Entry(string RealPath, TimeProvider Clock, DateTimeOffset ResolvedAt);
}
