using System.IO.Pipelines;
using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpContextExtensions
{
    /// <summary>
    /// Sends a body that <paramref name="writeAsync"/> writes straight to the response stream (Ktor's
    /// <c>call.respondOutputStream</c>).
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="writeAsync">Writes the body; receives the response body and a cancellation token.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">
    /// Stops the body: the callback receives a token that fires when this one is cancelled or the request is aborted
    /// (<see cref="HttpContext.RequestAborted"/> alone when none is given).
    /// </param>
    /// <returns>A task that completes when the callback has finished.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Stream"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is already cancelled.</exception>
    public static Task RespondStreamAsync(
        this HttpContext httpContext,
        Func<Stream, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Stream(writeAsync, contentType, statusCode, etag, lastModified), cancellationToken);
    }

    /// <summary>
    /// Sends a text body that <paramref name="writeAsync"/> writes through a <see cref="TextWriter"/> (Ktor's
    /// <c>call.respondTextWriter</c>).
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="writeAsync">Writes the body; receives the writer and a cancellation token.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>text/plain; charset=utf-8</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">
    /// Stops the body: the callback receives a token that fires when this one is cancelled or the request is aborted
    /// (<see cref="HttpContext.RequestAborted"/> alone when none is given).
    /// </param>
    /// <returns>A task that completes when the callback has finished and the writer is flushed.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Writer"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is already cancelled.</exception>
    public static Task RespondWriterAsync(
        this HttpContext httpContext,
        Func<TextWriter, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Writer(writeAsync, contentType, statusCode, etag, lastModified), cancellationToken);
    }

    /// <summary>
    /// Sends a body that <paramref name="writeAsync"/> writes into the response's <see cref="PipeWriter"/> (Ktor's
    /// <c>call.respondBytesWriter</c>).
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="writeAsync">Writes the body; receives the pipe and a cancellation token.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">
    /// Stops the body: the callback receives a token that fires when this one is cancelled or the request is aborted
    /// (<see cref="HttpContext.RequestAborted"/> alone when none is given).
    /// </param>
    /// <returns>A task that completes when the callback has finished and its output is flushed.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="writeAsync"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Pipe"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is already cancelled.</exception>
    public static Task RespondPipeAsync(
        this HttpContext httpContext,
        Func<PipeWriter, CancellationToken, Task> writeAsync,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Pipe(writeAsync, contentType, statusCode, etag, lastModified), cancellationToken);
    }
}
