using System.Collections.Concurrent;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Internal;

/// <summary>A resolved <c>Content-Type</c> for a text body and the encoding its charset names.</summary>
/// <param name="Value">The header value to send.</param>
/// <param name="Encoding">The encoding the body is written in.</param>
internal readonly record struct TextContentType(string Value, Encoding Encoding)
{
    /// <summary><c>text/plain; charset=utf-8</c>.</summary>
    public const string PlainUtf8 = "text/plain; charset=utf-8";

    /// <summary><c>text/html; charset=utf-8</c>.</summary>
    public const string HtmlUtf8 = "text/html; charset=utf-8";

    // Resolving parses the media type and looks up an encoding; endpoints pass the same few content types over and
    // over, so remember them. Bounded so that content types built from request data cannot grow it without limit.
    private const int CacheLimit = 128;
    private static readonly ConcurrentDictionary<string, TextContentType> Cache = new(StringComparer.Ordinal);

    /// <summary>Resolves <paramref name="contentType"/> (or the default) for a text body.</summary>
    /// <remarks>
    /// A <c>text/*</c> type without a charset gets <c>charset=utf-8</c>; an explicit charset is honoured and the body is
    /// encoded with it, refusing characters it cannot represent rather than replacing them with <c>?</c>. Other types
    /// without a charset (<c>application/json</c>) are sent as given and encoded as UTF-8.
    /// </remarks>
    /// <exception cref="ArgumentException">Thrown when the content type is malformed, holds a character outside printable ASCII, or names an unknown charset.</exception>
    public static TextContentType Resolve(string? contentType, string defaultContentType, string paramName)
    {
        if (contentType is null || ReferenceEquals(contentType, defaultContentType))
        {
            return new TextContentType(defaultContentType, Encoding.UTF8);
        }

        if (Cache.TryGetValue(contentType, out var cached))
        {
            return cached;
        }

        var resolved = Parse(contentType, paramName);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(contentType, resolved);
        }

        return resolved;
    }

    private static TextContentType Parse(string contentType, string paramName)
    {
        MediaTypes.ThrowIfNotHeaderSafe(contentType, paramName);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType.Length == 0)
        {
            throw new ArgumentException(
                $"'{contentType}' is not a valid media type. Pass a type/subtype such as \"text/csv\" or \"application/json; charset=utf-8\".",
                paramName);
        }

        var charset = mediaType.Charset;
        if (charset.Length == 0)
        {
            return mediaType.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
                ? new TextContentType(contentType + "; charset=utf-8", Encoding.UTF8)
                : new TextContentType(contentType, Encoding.UTF8);
        }

        return new TextContentType(contentType, GetEncoding(HeaderUtilities.RemoveQuotes(charset).ToString(), paramName));
    }

    private static Encoding GetEncoding(string charset, string paramName)
    {
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        try
        {
            // Throwing fallbacks: a character the charset cannot carry is an error, never a silent '?'. The code-page
            // provider is asked directly (windows-1252, shift_jis, ...) so the process-wide provider list is untouched.
            return Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
                ?? throw new ArgumentException(
                    $"The charset '{charset}' is not supported. Use utf-8, or a charset .NET knows (iso-8859-1, windows-1252, utf-16, shift_jis, ...).",
                    paramName);
        }
    }

    /// <summary>Counts the bytes <paramref name="text"/> takes in <see cref="Encoding"/>.</summary>
    /// <exception cref="ArgumentException">Thrown when the text holds a character the charset cannot represent.</exception>
    public int GetByteCount(string text, string paramName)
    {
        try
        {
            return Encoding.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            var codePoint = e.CharUnknownHigh != '\0' && char.IsSurrogatePair(e.CharUnknownHigh, e.CharUnknownLow)
                ? char.ConvertToUtf32(e.CharUnknownHigh, e.CharUnknownLow)
                : e.CharUnknown;
            throw new ArgumentException(
                $"The text contains U+{codePoint:X4} at index {e.Index}, which the charset '{Encoding.WebName}' cannot represent. Use charset=utf-8, or remove the character.",
                paramName,
                e);
        }
    }
}
