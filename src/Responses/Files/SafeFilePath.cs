namespace Herald.Responses.Files;

/// <summary>
/// Maps a request-supplied relative path to a file under a base directory, refusing anything that could reach outside
/// it: <c>..</c> segments, backslashes, rooted and drive-qualified paths, NUL, and symbolic links (or junctions) whose
/// target lies outside the base. Nothing is opened while checking: links are read with <c>lstat</c>/<c>readlink</c>
/// only, so a refused target is never read.
/// </summary>
/// <remarks>
/// .NET has no portable <c>realpath</c>, so <see cref="TryGetRealPath"/> walks the path one segment at a time and
/// splices each link's target in place, as the kernel does. Checking only the final component
/// (<c>ResolveLinkTarget</c>) would miss a linked directory in the middle of the path.
/// <para>
/// Per request only the relative path is walked, from the base's real path (resolved once and cached by
/// <see cref="RealDirectoryCache"/>): one <c>lstat</c> per segment and nothing else while no segment is a link, and the
/// final segment's status is the file's, so a one-segment path costs a single <c>stat</c>. A link sends the rest of
/// the walk down the general, allocating path.
/// </para>
/// </remarks>
internal static class SafeFilePath
{
    // Linux's MAXSYMLINKS: a chain longer than this is a loop, or hostile.
    private const int MaxLinkHops = 40;

    private static readonly char[] s_separators = OperatingSystem.IsWindows() ? ['\\', '/'] : ['/'];

    // Windows' and macOS's default file systems ignore case, so "/Base" and "/base" are one directory there.
    private static readonly StringComparison s_pathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Finds what <paramref name="relativePath"/> names under <paramref name="realBase"/>, following links only while
    /// they stay inside it: the entry's status (already read, so its length and time cost nothing more), or
    /// <see langword="null"/> when the path is unsafe, escapes the base, or names nothing. The entry may be a
    /// directory; the caller checks.
    /// </summary>
    /// <param name="realBase">The base directory's real path: full, and free of links (<see cref="TryGetRealPath"/>).</param>
    /// <param name="relativePath">The untrusted relative path, typically a route value.</param>
    public static FileInfo? Resolve(string realBase, string relativePath)
    {
        if (!IsPlainRelativePath(relativePath))
        {
            return null;
        }

        // relativePath holds no "..", root or drive, so each plain segment appended to realBase stays inside it; only
        // a link can lead out, and links are checked where they are met.
        var current = realBase;
        FileInfo? entry = null;
        var rest = relativePath.AsSpan();
        foreach (var range in rest.Split('/'))
        {
            var segment = rest[range];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            var next = Path.Join(current.AsSpan(), segment);
            entry = new FileInfo(next);
            FileAttributes attributes;
            try
            {
                // One lstat. (FileAttributes)(-1): nothing exists at this path.
                attributes = entry.Attributes;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if ((int)attributes == -1)
            {
                return null;
            }

            if ((attributes & FileAttributes.ReparsePoint) != 0)
            {
                // A symbolic link or junction: the general walk splices its target in, from the link's directory on.
                var realFile = WalkFrom(current, rest[range.Start.Value..]);
                return realFile is not null && IsUnder(realFile, realBase) ? new FileInfo(realFile) : null;
            }

            current = next;
        }

        return entry;
    }

    /// <summary>True when <paramref name="path"/> is a relative path made of plain names: the first line of defence.</summary>
    internal static bool IsPlainRelativePath(string path)
    {
        if (path.Length == 0 || path.AsSpan().IndexOfAny('\0', '\\') >= 0)
        {
            return false;
        }

        // "/etc/passwd", "C:/Windows", "C:win.ini": rooted on some platform, so refused on every platform.
        if (path[0] == '/' || Path.IsPathRooted(path) || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
        {
            return false;
        }

        // On Windows a colon also selects an NTFS alternate data stream ("file.txt::$DATA").
        if (OperatingSystem.IsWindows() && path.Contains(':'))
        {
            return false;
        }

        foreach (var segment in path.AsSpan().Split('/'))
        {
            if (path.AsSpan()[segment] is "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Resolves every symbolic link in <paramref name="fullPath"/>; <see langword="null"/> when a segment does not exist,
    /// cannot be read, or the links loop.
    /// </summary>
    internal static string? TryGetRealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            return null;
        }

        return WalkFrom(root, fullPath.AsSpan(root.Length));
    }

    /// <summary>
    /// Resolves <paramref name="rest"/> from <paramref name="current"/>, a real path that holds no links; null when a
    /// segment does not exist, cannot be read, or the links loop.
    /// </summary>
    private static string? WalkFrom(string current, ReadOnlySpan<char> rest)
    {
        var pending = new Stack<string>();
        PushSegments(pending, rest);
        var hops = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                // Physical "..": current holds no links, so its lexical parent is its real parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, segment);
            var entry = new FileInfo(next);
            string? linkTarget;
            try
            {
                // (FileAttributes)(-1): nothing exists at this path (FileInfo reports directories too).
                var attributes = entry.Attributes;
                if ((int)attributes == -1)
                {
                    return null;
                }

                // readlink only for an entry the lstat already showed to be a link.
                linkTarget = (attributes & FileAttributes.ReparsePoint) != 0 ? entry.LinkTarget : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (linkTarget is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // A link's target replaces the link: relative targets continue from the link's directory (current).
            var targetRoot = Path.GetPathRoot(linkTarget);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                current = targetRoot;
                PushSegments(pending, linkTarget.AsSpan(targetRoot.Length));
            }
            else
            {
                PushSegments(pending, linkTarget);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="directory"/>.</summary>
    internal static bool IsUnder(string path, string directory)
    {
        var dir = directory.AsSpan();
        if (!Path.EndsInDirectorySeparator(dir))
        {
            // "/srv/public" must not admit its sibling "/srv/public-old": compare with the separator appended.
            return path.Length > dir.Length + 1
                && path.AsSpan().StartsWith(dir, s_pathComparison)
                && Array.IndexOf(s_separators, path[dir.Length]) >= 0;
        }

        // A root ("/", "C:") or a path written with its trailing separator.
        return path.Length > dir.Length && path.AsSpan().StartsWith(dir, s_pathComparison);
    }

    private static void PushSegments(Stack<string> pending, ReadOnlySpan<char> path)
    {
        // Pushed last-to-first so they pop in path order, ahead of whatever followed the link being replaced.
        var segments = path.ToString().Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            pending.Push(segments[i]);
        }
    }
}
