using Herald.Responses.Conditional;
using Herald.Responses.Internal;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>Creates a result that sends <paramref name="text"/> (Ktor's <c>respondText</c>).</summary>
    /// <param name="text">The body. An empty string sends an empty body.</param>
    /// <param name="contentType">
    /// The <c>Content-Type</c>; <c>text/plain; charset=utf-8</c> when <see langword="null"/>. A <c>text/*</c> type
    /// without a charset gets <c>charset=utf-8</c>; an explicit charset is honoured and the text encoded with it.
    /// </param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">
    /// An entity tag (<c>7c876b7e</c>, <c>"7c876b7e"</c> or <c>W/"7c876b7e"</c>) sent in <c>ETag</c>; a matching
    /// <c>If-None-Match</c> answers 304 and a failing <c>If-Match</c> 412.
    /// </param>
    /// <param name="lastModified">
    /// The time sent in <c>Last-Modified</c>; <c>If-Modified-Since</c> and <c>If-Unmodified-Since</c> are evaluated against it.
    /// </param>
    /// <returns>A <see cref="TextResult"/> that writes the text with its <c>Content-Length</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed, holds a character outside printable ASCII or names an unknown charset, the text holds a character that charset
    /// cannot represent, the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static TextResult Text(
        string text,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var resolved = TextContentType.Resolve(contentType, TextContentType.PlainUtf8, nameof(contentType));
        var byteCount = resolved.GetByteCount(text, nameof(text));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new TextResult(text, resolved, byteCount, status, tag, lastModified);
    }
}
