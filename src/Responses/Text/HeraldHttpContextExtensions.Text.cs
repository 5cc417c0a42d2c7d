using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

/// <summary>
/// Ktor-style responses on <see cref="HttpContext"/> (<c>await ctx.RespondTextAsync("Hello")</c>). Each method executes
/// the same result type its <see cref="Respond"/> counterpart returns.
/// </summary>
public static partial class HeraldHttpContextExtensions
{
    /// <summary>Sends <paramref name="text"/> as the response (Ktor's <c>call.respondText</c>).</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="text">The body.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>text/plain; charset=utf-8</c> when <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">Stops writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Text"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondTextAsync(
        this HttpContext httpContext,
        string text,
        string? contentType = null,
        int? statusCode = null,
        string? etag = null,
        DateTimeOffset? lastModified = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Text(text, contentType, statusCode, etag, lastModified), cancellationToken);
    }
}
