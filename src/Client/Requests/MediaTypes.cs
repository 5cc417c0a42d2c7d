namespace Herald.Client.Internal;

/// <summary>
/// The media type shorthands accepted by <see cref="HeraldRequest.Accept(string)"/> and
/// <see cref="HeraldRequest.ContentType(string, string?)"/> (clj-http's <c>:accept :json</c>), and the content types
/// guessed from file extensions.
/// </summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
    public const string OctetStream = "application/octet-stream";
    public const string TextPlain = "text/plain";

    private static readonly Dictionary<string, string> Shorthands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = Json,
        ["xml"] = "application/xml",
        ["form"] = Form,
        ["x-www-form-urlencoded"] = Form,
        ["text"] = TextPlain,
        ["plain"] = TextPlain,
        ["html"] = "text/html",
        ["csv"] = "text/csv",
        ["multipart"] = "multipart/form-data",
        ["octet"] = OctetStream,
        ["octet-stream"] = OctetStream,
        ["binary"] = OctetStream,
        ["bytes"] = OctetStream,
        ["problem"] = "application/problem+json",
        ["pdf"] = "application/pdf",
        ["any"] = "*/*",
    };

    // A short table rather than a MIME database: the client only guesses a part's or file body's type when the
    // caller gave none, and ASP.NET's FileExtensionContentTypeProvider is not available without ASP.NET Core.
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = TextPlain,
        [".htm"] = "text/html",
        [".html"] = "text/html",
        [".css"] = "text/css",
        [".csv"] = "text/csv",
        [".md"] = "text/markdown",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".json"] = Json,
        [".xml"] = "application/xml",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
        [".tar"] = "application/x-tar",
        [".wasm"] = "application/wasm",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".avif"] = "image/avif",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
    };

    /// <summary>Expands a shorthand (<c>json</c>, <c>xml</c>, …) or returns a full media type (<c>type/subtype</c>) as given.</summary>
    public static string Expand(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        var trimmed = value.Trim();
        if (trimmed.Contains('/'))
        {
            return trimmed;
        }

        return Shorthands.TryGetValue(trimmed, out var mediaType)
            ? mediaType
            : throw new ArgumentException(
                $"'{value}' is neither a media type (type/subtype) nor a known shorthand. Known shorthands: {string.Join(", ", Shorthands.Keys)}.",
                parameterName);
    }

    /// <summary>Guesses a content type from a file name's extension; <c>application/octet-stream</c> when unknown.</summary>
    public static string FromFileName(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var type) ? type : OctetStream;

    /// <summary>Returns the <c>type/subtype</c> part of a Content-Type value, lower-cased, or <see langword="null"/>.</summary>
    public static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var media = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return media.Length == 0 ? null : media.ToLowerInvariant();
    }

    /// <summary>Returns the <c>charset</c> parameter of a Content-Type value, unquoted, or <see langword="null"/>.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var charset = part[(eq + 1)..].Trim().Trim('"').Trim();
                return charset.Length == 0 ? null : charset;
            }
        }

        return null;
    }

    /// <summary>Returns <paramref name="contentType"/> with its charset parameter set to <paramref name="charset"/>.</summary>
    public static string WithCharset(string contentType, string charset)
    {
        var parts = contentType.Split(';')
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();
        parts.RemoveAll(p => p.StartsWith("charset", StringComparison.OrdinalIgnoreCase)
            && p.AsSpan(7).TrimStart().StartsWith("="));
        parts.Add("charset=" + charset);
        return string.Join("; ", parts);
    }

    public static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType == Json || mediaType.EndsWith("+json", StringComparison.Ordinal));

    public static bool IsForm(string? mediaType) => mediaType == Form;

    public static bool IsText(string? mediaType) =>
        mediaType is not null
        && (mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType == "application/xml"
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType == "application/javascript");

    public static bool IsHtml(string? mediaType) => mediaType is "text/html" or "application/xhtml+xml";
}
