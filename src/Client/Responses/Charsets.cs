using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Client.Internal;

/// <summary>Finds text encodings by charset name and detects the charset of a response body.</summary>
internal static partial class Charsets
{
    /// <summary>UTF-8 without a byte order mark: what bodies are encoded in unless told otherwise.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>How much of an HTML body is searched for a <c>&lt;meta&gt;</c> charset (HTML's prescan reads 1024 bytes; some pages put it later).</summary>
    public const int MetaScanLength = 4096;

    /// <summary>
    /// Returns the encoding named <paramref name="charset"/>, or <see langword="null"/> when .NET knows none by that
    /// name. Legacy code pages (Shift_JIS, windows-1252, GBK, …) come from <see cref="CodePagesEncodingProvider"/>
    /// directly, so the process-wide provider list is not changed.
    /// </summary>
    public static Encoding? Find(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }

    /// <summary>
    /// Picks the encoding of a body: a byte order mark first (it cannot lie), then the <c>Content-Type</c> charset,
    /// then when <paramref name="decodeBodyHeaders"/> is on an HTML <c>&lt;meta charset&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type"&gt;</c> in the first bytes, else UTF-8. An unknown charset name falls
    /// through to the next source. Returns the encoding and how many BOM bytes to skip.
    /// </summary>
    public static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> body, string? contentType, bool decodeBodyHeaders)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        if (Find(MediaTypes.CharsetOf(contentType)) is { } declared)
        {
            return (declared, 0);
        }

        var mediaType = MediaTypes.MediaTypeOf(contentType);
        if (decodeBodyHeaders && (mediaType is null || MediaTypes.IsHtml(mediaType)) && Find(FromMeta(body)) is { } meta)
        {
            return (meta, 0);
        }

        return (Utf8, 0);
    }

    /// <summary>Decodes <paramref name="body"/> as <see cref="Detect"/> decides.</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType, bool decodeBodyHeaders)
    {
        var (encoding, skip) = Detect(body, contentType, decodeBodyHeaders);
        return encoding.GetString(body[skip..]);
    }

    /// <summary>Finds the charset an HTML document declares in a <c>&lt;meta&gt;</c> element near its start.</summary>
    public static string? FromMeta(ReadOnlySpan<byte> body)
    {
        // Markup is ASCII in every charset a page may declare this way, so Latin-1 reads it byte for byte.
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaScanLength)]);
        foreach (Match meta in MetaElement().Matches(head))
        {
            var charset = CharsetAttribute().Match(meta.Value);
            if (charset.Success)
            {
                return charset.Groups[1].Value;
            }

            if (HttpEquivContentType().IsMatch(meta.Value)
                && ContentAttribute().Match(meta.Value) is { Success: true } content
                && MediaTypes.CharsetOf(content.Groups[2].Value) is { } declared)
            {
                return declared;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaElement();

    [GeneratedRegex(@"\bcharset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetAttribute();

    [GeneratedRegex(@"\bhttp-equiv\s*=\s*[""']?\s*content-type", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HttpEquivContentType();

    [GeneratedRegex(@"\bcontent\s*=\s*([""'])(.*?)\1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentAttribute();
}
