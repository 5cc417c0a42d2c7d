using System.IO.Pipelines;
using Herald.Responses.Conditional;
using Herald.Responses.Internal;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>
    /// Creates a result whose body <paramref name="writeAsync"/> writes straight to the response stream (Ktor's
    /// <c>respondOutputStream</c>). Memory stays flat for a body of any size.
    /// </summary>
    /// <param name="writeAsync">
    /// Writes the body. It receives the response body and <see cref="Microsoft.AspNetCore.Http.HttpContext.RequestAborted"/>,
    /// which is cancelled when the client disconnects: pass it to every write and stop when it fires.
    /// </param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412, without running the callback).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>A <see cref="StreamResult"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed or holds a character outside printable ASCII, the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static StreamResult Stream(
        Func<Stream, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(writeAsync);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var type = contentType is null ? MediaTypes.OctetStream : MediaTypes.Validate(contentType, nameof(contentType));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new StreamResult(writeAsync, type, status, tag, lastModified);
    }

    /// <summary>
    /// Creates a result whose text body <paramref name="writeAsync"/> writes through a <see cref="TextWriter"/> on the
    /// response (Ktor's <c>respondTextWriter</c>). Memory stays flat for a body of any size.
    /// </summary>
    /// <param name="writeAsync">
    /// Writes the body. It receives a writer that encodes with the content type's charset and
    /// <see cref="Microsoft.AspNetCore.Http.HttpContext.RequestAborted"/>; the writer is flushed when it returns.
    /// </param>
    /// <param name="contentType">
    /// The <c>Content-Type</c>; <c>text/plain; charset=utf-8</c> when <see langword="null"/>. A <c>text/*</c> type
    /// without a charset gets <c>charset=utf-8</c>; an explicit charset is honoured.
    /// </param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412, without running the callback).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>A <see cref="WriterResult"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed, holds a character outside printable ASCII or names an unknown charset,
    /// the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static WriterResult Writer(
        Func<TextWriter, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(writeAsync);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var resolved = TextContentType.Resolve(contentType, TextContentType.PlainUtf8, nameof(contentType));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new WriterResult(writeAsync, resolved, status, tag, lastModified);
    }

    /// <summary>
    /// Creates a result whose body <paramref name="writeAsync"/> writes into the response's <see cref="PipeWriter"/>
    /// (Ktor's <c>respondBytesWriter</c>): the cheapest way to produce bytes, with no intermediate copy.
    /// </summary>
    /// <param name="writeAsync">
    /// Writes the body. It receives the response's pipe and
    /// <see cref="Microsoft.AspNetCore.Http.HttpContext.RequestAborted"/>; await <see cref="PipeWriter.FlushAsync"/>
    /// between chunks so back-pressure applies. What is left unflushed is flushed when it returns.
    /// </param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412, without running the callback).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <returns>A <see cref="PipeResult"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the content type is malformed or holds a character outside printable ASCII, the status code forbids a body, or the entity tag is invalid.
    /// </exception>
    public static PipeResult Pipe(
        Func<PipeWriter, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null)
    {
        ArgumentNullException.ThrowIfNull(writeAsync);
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var type = contentType is null ? MediaTypes.OctetStream : MediaTypes.Validate(contentType, nameof(contentType));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new PipeResult(writeAsync, type, status, tag, lastModified);
    }
}
