using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpContextExtensions
{
    /// <summary>Sends <paramref name="bytes"/> as the response (Ktor's <c>call.respondBytes</c>).</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="bytes">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">Stops writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Bytes(ReadOnlyMemory{byte}, string?, int?, string?, DateTimeOffset?)"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondBytesAsync(
        this HttpContext httpContext,
        ReadOnlyMemory<byte> bytes,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Bytes(bytes, contentType, statusCode, etag, lastModified), cancellationToken);
    }
}
