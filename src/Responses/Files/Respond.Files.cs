namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>
    /// Sends a file: Ktor's <c>respondFile(file)</c>. Content type from the extension, <c>ETag</c> and
    /// <c>Last-Modified</c> with 304 / 412, ranges (206, <c>multipart/byteranges</c>, 416), HEAD, zero-copy sending;
    /// a missing file answers 404.
    /// </summary>
    /// <param name="path">
    /// The file's path, absolute or relative to the content root. The application chooses it: for a path that comes
    /// from the request use <see cref="File(string, string, FileResponseOptions?)"/>, which keeps it inside a directory.
    /// </param>
    /// <param name="options">Content type, disposition, validator and range settings; <see langword="null"/> for the defaults.</param>
    /// <returns>A result that sends the file when executed.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is empty or holds NUL, or an option is invalid (a content type that is not a media type or holds a character outside printable ASCII, a name or header value with CR, LF or NUL, a malformed entity tag).</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <see cref="FileResponseOptions.MaxRanges"/> is below 1.</exception>
    public static LocalFileResult File(string path, FileResponseOptions? options = null)
    {
        ThrowIfInvalidPath(path, nameof(path));
        return new LocalFileResult(baseDirectory: null, path, options, downloadName: null, download: false);
    }

    /// <summary>
    /// Sends the file at <paramref name="relativePath"/> under <paramref name="baseDirectory"/>: Ktor's
    /// <c>respondFile(baseDir, fileName)</c>. Safe for request data: a path that would leave the directory (<c>..</c>,
    /// backslashes, absolute or drive-rooted paths, NUL, a symbolic link pointing outside) answers 404 like a missing
    /// file, and its target is never opened.
    /// </summary>
    /// <remarks>
    /// The base directory's real path (its links resolved) is worked out once and reused for about a second, by the
    /// app's <see cref="TimeProvider"/>, so a request only walks <paramref name="relativePath"/>; a link in the base
    /// that is swapped (a deployment's <c>current</c> link) is followed within that second.
    /// </remarks>
    /// <param name="baseDirectory">The directory to serve from, absolute or relative to the content root.</param>
    /// <param name="relativePath">The path inside <paramref name="baseDirectory"/>, typically a <c>{**path}</c> route value.</param>
    /// <param name="options">Content type, disposition, validator and range settings; <see langword="null"/> for the defaults.</param>
    /// <returns>A result that sends the file when executed.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="baseDirectory"/> is empty or holds NUL, or an option is invalid.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="baseDirectory"/> or <paramref name="relativePath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <see cref="FileResponseOptions.MaxRanges"/> is below 1.</exception>
    public static LocalFileResult File(string baseDirectory, string relativePath, FileResponseOptions? options = null)
    {
        ThrowIfInvalidPath(baseDirectory, nameof(baseDirectory));

        // relativePath is request data: whatever it holds is answered with 404 when executed, never an exception here.
        ArgumentNullException.ThrowIfNull(relativePath);
        return new LocalFileResult(baseDirectory, relativePath, options, downloadName: null, download: false);
    }

    /// <summary>
    /// Sends a file as a download (<c>Content-Disposition: attachment</c>), with everything
    /// <see cref="File(string, FileResponseOptions?)"/> does: ranges let an interrupted download resume.
    /// </summary>
    /// <param name="path">The file's path, absolute or relative to the content root.</param>
    /// <param name="downloadName">
    /// The name the browser saves the file under; <see langword="null"/> for the file's own name. Any Unicode name works:
    /// it is sent as <c>filename="…"</c> plus <c>filename*=UTF-8''…</c> when it is not plain ASCII or holds a
    /// <c>%XX</c> escape, which some browsers would decode in <c>filename</c>.
    /// </param>
    /// <param name="options">Content type, validator and range settings; its <see cref="FileResponseOptions.Disposition"/> is ignored.</param>
    /// <returns>A result that sends the file when executed.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is empty or holds NUL, <paramref name="downloadName"/> is empty or holds CR, LF or NUL, or an option is invalid.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <see cref="FileResponseOptions.MaxRanges"/> is below 1.</exception>
    public static LocalFileResult Download(string path, string? downloadName = null, FileResponseOptions? options = null)
    {
        ThrowIfInvalidPath(path, nameof(path));
        if (downloadName is not null)
        {
            LocalFileResult.ThrowIfInvalidDownloadName(downloadName, nameof(downloadName));
        }

        return new LocalFileResult(baseDirectory: null, path, options, downloadName, download: true);
    }

    private static void ThrowIfInvalidPath(string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, paramName);
        if (path.Contains('\0'))
        {
            throw new ArgumentException(
                "The path contains a NUL character, which no file system accepts. For a path taken from the request use Respond.File(baseDirectory, relativePath), which answers 404 for such input.",
                paramName);
        }
    }
}
