namespace Herald.Responses;

/// <summary>
/// Keeps the URLs the builder's typed parameters write (<c>A(href)</c>, <c>Img(src)</c>, <c>Script(src)</c>,
/// <c>Link(href)</c>) to schemes that only navigate or fetch: http, https, mailto, tel, and relative URLs. Anything else
/// (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, ...) is replaced by <see cref="Blocked"/>, as Angular's and
/// DOMPurify's URL sanitisers do: HTML-encoding keeps a value from breaking out of its attribute, but
/// <c>javascript:alert(1)</c> needs no breaking out. A page whose link comes from a user still renders; the link just
/// goes nowhere. <c>Attr(...)</c> writes any URL unchecked, for a scheme the application trusts.
/// </summary>
/// <remarks>
/// The scheme is read the way the WHATWG URL parser reads it, so tricks that browsers undo do not get through: leading
/// control characters and spaces are ignored, tabs and line breaks anywhere are dropped (<c>java&#9;script:</c>), and
/// the comparison ignores case. Hand-written because the framework's <see cref="Uri"/> parses differently from browsers
/// (it rejects some URLs they accept and treats <c>/a</c> as a file path on Unix).
/// </remarks>
internal static class HtmlUrls
{
    /// <summary>What a refused URL is replaced with: a blank page, named so that the reason shows in the address bar.</summary>
    public const string Blocked = "about:blank#blocked";

    // Image types a browser only ever decodes as pixels. SVG is left out: it is a document that can hold script, and
    // whether that script runs depends on how the image is later opened.
    private static readonly string[] DataImageTypes = ["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif", "image/bmp"];

    /// <summary>Returns <paramref name="url"/> when its scheme is safe, else <see cref="Blocked"/>.</summary>
    /// <param name="url">The URL to write; <see langword="null"/> stays <see langword="null"/> (the attribute is left out).</param>
    /// <param name="allowDataImage">Whether a <c>data:</c> URL of a raster image type is safe here (an image source).</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(url))]
    public static string? Sanitize(string? url, bool allowDataImage)
    {
        if (url is null)
        {
            return null;
        }

        // Read the scheme the way a browser does, without allocating: skip leading C0 controls and spaces, drop tabs
        // and line breaks, and stop at the first character that cannot be part of a scheme.
        Span<char> scheme = stackalloc char[16];
        var length = 0;
        var started = false;
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (!started && c <= ' ')
            {
                continue;
            }

            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (!started)
            {
                started = true;
                if (!char.IsAsciiLetter(c))
                {
                    // "/path", "?q", "#f", "./a:b": no scheme, so a relative URL on this site.
                    return url;
                }
            }

            if (c == ':')
            {
                return IsAllowed(scheme[..length], url, i + 1, allowDataImage) ? url : Blocked;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                // "folder/file:name": a path segment before any colon, so relative.
                return url;
            }

            if (length == scheme.Length)
            {
                // Longer than any allowed scheme; whatever it is, it is not one of them.
                return HasColonAfter(url, i) ? Blocked : url;
            }

            scheme[length++] = char.ToLowerInvariant(c);
        }

        // Nothing but a scheme-like word ("index", "page2"): a relative URL.
        return url;
    }

    private static bool IsAllowed(ReadOnlySpan<char> scheme, string url, int rest, bool allowDataImage) =>
        scheme is "http" or "https" or "mailto" or "tel"
        || (allowDataImage && scheme is "data" && IsRasterImageData(url.AsSpan(rest)));

    /// <summary>True for the body of <c>data:image/png;base64,...</c> or <c>data:image/gif,...</c> and the other raster types.</summary>
    private static bool IsRasterImageData(ReadOnlySpan<char> data)
    {
        var end = data.IndexOfAny(';', ',');
        if (end < 0)
        {
            return false;
        }

        var mediaType = data[..end].Trim();
        foreach (var type in DataImageTypes)
        {
            if (mediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a scheme-like run starting before <paramref name="index"/> still ends in a colon (so it is a scheme).</summary>
    private static bool HasColonAfter(string url, int index)
    {
        for (var i = index; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return true;
            }

            if (c is not ('\t' or '\n' or '\r') && !char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
