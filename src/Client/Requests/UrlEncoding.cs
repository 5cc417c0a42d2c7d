using System.Buffers;
using System.Text;

namespace Herald.Client.Internal;

/// <summary>
/// Percent-encoding for URLs and forms. Written by hand because the BCL's encoders each do something else:
/// <see cref="Uri.EscapeDataString(string)"/> cannot leave valid <c>%XX</c> escapes alone (so it is not idempotent),
/// and <c>WebUtility.UrlEncode</c> writes spaces as <c>+</c> everywhere.
/// </summary>
internal static class UrlEncoding
{
    // RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");

    // What may stand unencoded in a path or query someone wrote: unreserved, sub-delims, ":", "@", "/", "?" and "%"
    // (checked separately: it must start a valid escape). The same set as clj-http's url-encode-illegal-characters.
    private static readonly SearchValues<char> LegalInPathOrQuery =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?");

    private const string Hex = "0123456789ABCDEF";

    /// <summary>
    /// Percent-encodes what may not appear in a URL path or query (space, non-ASCII, <c>"</c>, <c>&lt;</c>, <c>|</c>,
    /// brackets, …) and leaves everything else, valid <c>%XX</c> escapes included, as it is: encoding twice changes
    /// nothing. A <c>%</c> that does not start a valid escape becomes <c>%25</c>.
    /// </summary>
    public static string EncodeIllegal(string pathOrQuery)
    {
        var first = FirstIllegal(pathOrQuery);
        if (first < 0)
        {
            return pathOrQuery;
        }

        var builder = new StringBuilder(pathOrQuery.Length + 16);
        builder.Append(pathOrQuery, 0, first);
        for (var i = first; i < pathOrQuery.Length; i++)
        {
            var c = pathOrQuery[i];
            if (c == '%')
            {
                if (IsEscape(pathOrQuery, i))
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append("%25");
                }
            }
            else if (LegalInPathOrQuery.Contains(c))
            {
                builder.Append(c);
            }
            else
            {
                i = AppendUtf8Escaped(builder, pathOrQuery, i);
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes a query key or value: everything but RFC 3986 unreserved characters, space as <c>%20</c>, <c>+</c> as <c>%2B</c>.</summary>
    public static string EncodeComponent(string value) => Encode(value, spaceAsPlus: false);

    /// <summary>Encodes a form field name or value (<c>application/x-www-form-urlencoded</c>): space as <c>+</c>.</summary>
    public static string EncodeForm(string value) => Encode(value, spaceAsPlus: true);

    /// <summary>Decodes a form or query component: <c>+</c> is a space, <c>%XX</c> are UTF-8 bytes.</summary>
    public static string DecodeForm(string value)
    {
        var plusDecoded = value.Contains('+') ? value.Replace('+', ' ') : value;
        return plusDecoded.Contains('%') ? Uri.UnescapeDataString(plusDecoded) : plusDecoded;
    }

    private static string Encode(string value, bool spaceAsPlus)
    {
        var first = value.AsSpan().IndexOfAnyExcept(Unreserved);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (Unreserved.Contains(c))
            {
                builder.Append(c);
            }
            else if (c == ' ' && spaceAsPlus)
            {
                builder.Append('+');
            }
            else
            {
                i = AppendUtf8Escaped(builder, value, i);
            }
        }

        return builder.ToString();
    }

    private static int FirstIllegal(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' ? !IsEscape(value, i) : !LegalInPathOrQuery.Contains(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEscape(string value, int index) =>
        index + 2 < value.Length && char.IsAsciiHexDigit(value[index + 1]) && char.IsAsciiHexDigit(value[index + 2]);

    /// <summary>Appends the UTF-8 escape of the character (or surrogate pair) at <paramref name="index"/>; returns the last index consumed.</summary>
    private static int AppendUtf8Escaped(StringBuilder builder, string value, int index)
    {
        Span<byte> bytes = stackalloc byte[4];
        int consumed;
        if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out consumed) != OperationStatus.Done)
        {
            rune = Rune.ReplacementChar; // a lone surrogate cannot be sent; U+FFFD says so visibly
            consumed = 1;
        }

        var written = rune.EncodeToUtf8(bytes);
        foreach (var b in bytes[..written])
        {
            builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }

        return index + consumed - 1;
    }
}
