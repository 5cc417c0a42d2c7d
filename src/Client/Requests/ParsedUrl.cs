namespace Herald.Client.Internal;

/// <summary>
/// A URL split into its RFC 3986 parts without decoding anything. <see cref="Scheme"/> and <see cref="Authority"/>
/// are <see langword="null"/> for a relative reference; <see cref="Query"/> is <see langword="null"/> when there is
/// no <c>?</c>. <see cref="Fragment"/> (without the <c>#</c>) is never sent on the wire, but it stays on the request's
/// URL so that a redirect whose <c>Location</c> has none inherits it (RFC 9110, section 10.2.2).
/// </summary>
/// <remarks>
/// A backslash before the query is read as a slash, as the WHATWG URL standard does for http and https URLs (and as
/// browsers and <see cref="Uri"/> do): otherwise <c>http://good.example\@evil.example/</c> would be split at the
/// <c>@</c> and sent to <c>evil.example</c>, while every browser and log shows <c>good.example</c>.
/// </remarks>
internal sealed record ParsedUrl(string? Scheme, string? Authority, string Path, string? Query, string? Fragment = null)
{
    public static ParsedUrl Parse(string url)
    {
        var text = url.Trim();
        string? fragment = null;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = text[(hash + 1)..];
            text = text[..hash];
        }

        text = BackslashesAsSlashes(text);

        string? scheme = null;
        var rest = text.AsSpan();
        var schemeEnd = SchemeLength(rest);
        if (schemeEnd > 0)
        {
            scheme = text[..schemeEnd].ToLowerInvariant();
            rest = rest[(schemeEnd + 1)..];
        }

        string? authority = null;
        if (rest.StartsWith("//"))
        {
            rest = rest[2..];
            var end = rest.IndexOfAny('/', '?');
            authority = (end < 0 ? rest : rest[..end]).ToString();
            rest = end < 0 ? [] : rest[end..];
        }

        var question = rest.IndexOf('?');
        return question < 0
            ? new ParsedUrl(scheme, authority, rest.ToString(), null, fragment)
            : new ParsedUrl(scheme, authority, rest[..question].ToString(), rest[(question + 1)..].ToString(), fragment);
    }

    /// <summary>Replaces <c>\</c> with <c>/</c> up to the first <c>?</c>; the query keeps its backslashes (they are encoded).</summary>
    private static string BackslashesAsSlashes(string text)
    {
        var question = text.IndexOf('?', StringComparison.Ordinal);
        var end = question < 0 ? text.Length : question;
        if (!text.AsSpan(0, end).Contains('\\'))
        {
            return text;
        }

        return string.Create(text.Length, (text, end), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            span[..state.end].Replace('\\', '/');
        });
    }

    /// <summary>
    /// The length of a leading <c>scheme</c> when it is followed by <c>://</c>; 0 otherwise. Requiring the slashes
    /// keeps a relative path such as <c>users:list</c> relative.
    /// </summary>
    private static int SchemeLength(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return 0;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return text[(i + 1)..].StartsWith("//") ? i : 0;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }
}
