using System.Buffers;
using System.Globalization;
using System.Text;

namespace Herald.Responses.Internal;

/// <summary>
/// Makes a URL safe for a header (<c>Location</c>, <c>Link</c>) without changing what it means: characters a URI cannot
/// hold (non-ASCII, space, controls, <c>"&lt;&gt;\^`{|}</c>) are percent-encoded as UTF-8, an internationalised host
/// becomes its IDNA (punycode) form, and everything already valid, including existing <c>%XX</c> escapes, is kept.
/// </summary>
/// <remarks>
/// <see cref="Uri"/> is not used for this: it rewrites what it parses (dot segments, default ports, case) and treats a
/// rooted path such as <c>/a</c> as a <c>file://</c> URI on Unix, so the target would not be the one the caller wrote.
/// </remarks>
internal static class UrlEncoding
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create(
        "!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~");

    private static readonly IdnMapping Idn = new();

    /// <summary>Returns <paramref name="url"/> with every character a URI cannot hold percent-encoded.</summary>
    /// <exception cref="ArgumentException">Thrown when the host of an absolute URL is not a valid internationalised name.</exception>
    public static string Encode(string url, string paramName)
    {
        var start = url.AsSpan().IndexOfAnyExcept(Allowed);
        if (start < 0)
        {
            return url;
        }

        var builder = new StringBuilder(url.Length + 16);
        var hostStart = -1;
        var hostEnd = -1;
        if (TryFindAuthority(url, out var authorityStart, out var authorityEnd))
        {
            // userinfo@host:port - only the host is IDNA-mapped; userinfo and port are percent-encoded as usual.
            var at = url.AsSpan(authorityStart, authorityEnd - authorityStart).LastIndexOf('@');
            hostStart = at < 0 ? authorityStart : authorityStart + at + 1;
            var colon = url.AsSpan(hostStart, authorityEnd - hostStart).LastIndexOf(':');
            hostEnd = colon < 0 || url[hostStart] == '[' ? authorityEnd : hostStart + colon;
        }

        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < url.Length; i++)
        {
            if (i == hostStart && hostEnd > hostStart && url.AsSpan(hostStart, hostEnd - hostStart).IndexOfAnyExcept(Allowed) >= 0)
            {
                builder.Append(ToAsciiHost(url[hostStart..hostEnd], paramName));
                i = hostEnd - 1;
                continue;
            }

            var c = url[i];
            if (Allowed.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            if (c == '%' && i + 2 < url.Length && char.IsAsciiHexDigit(url[i + 1]) && char.IsAsciiHexDigit(url[i + 2]))
            {
                builder.Append(c);
                continue;
            }

            // A lone surrogate has no UTF-8 form; it is encoded as U+FFFD like every UTF-8 encoder does.
            var rune = Rune.TryGetRuneAt(url, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }

            var written = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < written; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string ToAsciiHost(string host, string paramName)
    {
        try
        {
            return Idn.GetAscii(host);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                $"'{host}' is not a valid host name, so the URL cannot be sent. Check the address, or pass an already encoded (punycode) host.",
                paramName,
                e);
        }
    }

    /// <summary>Finds the authority of <c>scheme://authority/...</c>; false for relative references.</summary>
    private static bool TryFindAuthority(string url, out int start, out int end)
    {
        start = end = -1;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        foreach (var c in url.AsSpan(0, schemeEnd))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        start = schemeEnd + 3;
        var length = url.AsSpan(start).IndexOfAny("/?#");
        end = length < 0 ? url.Length : start + length;
        return true;
    }
}
