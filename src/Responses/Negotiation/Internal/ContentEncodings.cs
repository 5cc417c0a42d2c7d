using System.Text;

namespace Herald.Responses.Negotiation;

/// <summary>The encodings Herald's text converters offer, and name matching for <c>Accept-Charset</c> / <c>charset</c>.</summary>
internal static class ContentEncodings
{
    /// <summary>UTF-8 without a byte order mark: writers that emit a preamble (XmlWriter) must not send one over HTTP.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The encodings the built-in text formats write: UTF-8 first, then ISO-8859-1 and US-ASCII.</summary>
    /// <remarks>UTF-16 is left out on purpose: without a byte order mark RFC 2781 reads it as big-endian, .NET writes little-endian.</remarks>
    public static readonly IReadOnlyList<Encoding> Text = [Utf8, Encoding.Latin1, Encoding.ASCII];

    /// <summary>UTF-8 alone, for formats that are UTF-8 by definition (JSON, RFC 8259).</summary>
    public static readonly IReadOnlyList<Encoding> Utf8Only = [Utf8];

    /// <summary>Resolves a request's <c>charset</c> to an encoding, or null when .NET does not know it.</summary>
    public static Encoding? Resolve(string charset)
    {
        var trimmed = charset.Trim().Trim('"');
        if (Matches(Utf8, trimmed))
        {
            return Utf8;
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether a charset name (any case, common aliases) stands for <paramref name="encoding"/>.</summary>
    public static bool Matches(Encoding encoding, ReadOnlySpan<char> charset)
    {
        if (charset.Equals(encoding.WebName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Aliases clients send for the same encodings (IANA registry names and common spellings).
        return encoding.CodePage switch
        {
            65001 => charset.Equals("utf8", StringComparison.OrdinalIgnoreCase),
            28591 => charset.Equals("latin1", StringComparison.OrdinalIgnoreCase)
                || charset.Equals("iso_8859-1", StringComparison.OrdinalIgnoreCase)
                || charset.Equals("l1", StringComparison.OrdinalIgnoreCase),
            20127 => charset.Equals("ascii", StringComparison.OrdinalIgnoreCase)
                || charset.Equals("us", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
