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
    /// Returns the real path of an existing file named by <paramref name="relativePath"/> under
    /// <paramref name="baseDirectory"/>, or <see langword="null"/> when the path is unsafe, escapes the base, or names
    /// no file.
    /// </summary>
    /// <param name="baseDirectory">The full path of the base directory (trusted, from the application).</param>
    /// <param name="relativePath">The untrusted relative path, typically a route value.</param>
    public static string? Resolve(string baseDirectory, string relativePath)
    {
        if (!IsPlainRelativePath(relativePath) || TryGetRealPath(baseDirectory) is not { } realBase)
        {
            return null;
        }

        // relativePath holds no "..", root or drive, so joining cannot leave realBase lexically; links are checked below.
        if (TryGetRealPath(Path.Join(realBase, relativePath)) is not { } realFile || !IsUnder(realFile, realBase))
        {
            return null;
        }

        return realFile;
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

        var current = root;
        var pending = new Stack<string>();
        PushSegments(pending, fullPath.AsSpan(root.Length));
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
                if ((int)entry.Attributes == -1)
                {
                    return null;
                }

                linkTarget = entry.LinkTarget;
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
