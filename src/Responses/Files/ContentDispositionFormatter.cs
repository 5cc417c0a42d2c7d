namespace Herald.Responses.Files;

/// <summary>Formats <c>Content-Disposition</c> for a file name of any alphabet (RFC 6266, RFC 8187).</summary>
/// <remarks>
/// Hand-written rather than <c>ContentDispositionHeaderValue.SetHttpFileName</c>: the framework's fallback escapes
/// <c>"</c> and <c>\</c> with backslashes, which RFC 6266 appendix D warns many user agents do not unescape, and it
/// always sends <c>filename*</c>, even for a plain ASCII name. Here the fallback holds printable ASCII only (anything
/// else, and the <c>%</c> of a <c>%XX</c> escape, becomes <c>_</c>), and <c>filename*</c> carries the exact name whenever
/// the fallback could not.
/// </remarks>
internal static class ContentDispositionFormatter
{
    /// <summary>Formats the header value, e.g. <c>attachment; filename="caf_.pdf"; filename*=UTF-8''caf%C3%A9.pdf</c>.</summary>
    /// <param name="disposition">Inline or attachment.</param>
    /// <param name="fileName">The name, already checked to hold no CR, LF or NUL.</param>
    public static string Format(FileDisposition disposition, string fileName)
    {
        var type = disposition == FileDisposition.Inline ? "inline" : "attachment";
        var fallback = string.Create(fileName.Length, fileName, static (span, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                span[i] = c is >= ' ' and < (char)0x7F and not '"' and not '\\' && !IsPercentEscape(name, i) ? c : '_';
            }
        });

        if (fallback == fileName)
        {
            return $"{type}; filename=\"{fallback}\"";
        }

        // Uri.EscapeDataString leaves only RFC 3986 unreserved characters, all of which are RFC 8187 attr-chars.
        return $"{type}; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    /// <summary>
    /// True for a <c>%</c> followed by two hex digits: some browsers percent-decode <c>filename</c> (RFC 6266 appendix D
    /// warns of it), saving <c>report%41.pdf</c> as <c>reportA.pdf</c>, so such a <c>%</c> never reaches the fallback.
    /// </summary>
    private static bool IsPercentEscape(string name, int index) =>
        name[index] == '%'
        && index + 2 < name.Length
        && char.IsAsciiHexDigit(name[index + 1])
        && char.IsAsciiHexDigit(name[index + 2]);
}
