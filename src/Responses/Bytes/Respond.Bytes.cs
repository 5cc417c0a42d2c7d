using Herald.Responses.Conditional;
using Herald.Responses.Internal;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>Creates a result that sends <paramref name="bytes"/> (Ktor's <c>respondBytes</c>).</summary>
    /// <param name="bytes">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>A <see cref="BytesResult"/> that writes the bytes with their <c>Content-Length</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed or holds a character outside printable ASCII, the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static BytesResult Bytes(
        ReadOnlyMemory<byte> bytes,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var type = contentType is null ? MediaTypes.OctetStream : MediaTypes.Validate(contentType, nameof(contentType));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new BytesResult(bytes, type, status, tag, lastModified);
    }

    /// <summary>Creates a result that sends <paramref name="bytes"/> (Ktor's <c>respondBytes</c>).</summary>
    /// <param name="bytes">The body. The array is sent as it is when the response is written, not copied.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>A <see cref="BytesResult"/> that writes the bytes with their <c>Content-Length</c>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="bytes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed or holds a character outside printable ASCII, the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static BytesResult Bytes(
        byte[] bytes,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Bytes(bytes.AsMemory(), contentType, statusCode, etag, lastModified);
    }
}
