using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpContextExtensions
{
    /// <summary>Sends <paramref name="html"/> as <c>text/html; charset=utf-8</c>.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="html">The markup, sent as it is.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">Stops writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the page has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="html"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Html(string, int?, string?, DateTimeOffset?)"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondHtmlAsync(this HttpContext httpContext, string html, int? statusCode = null, string? etag = null, DateTimeOffset? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Html(html, statusCode, etag, lastModified), cancellationToken);
    }

    /// <summary>Sends a page built with the typed <see cref="HtmlBuilder"/> (Ktor's <c>call.respondHtml { }</c>).</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="build">Builds the <c>&lt;html&gt;</c> element: its attributes, head and body.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag for <c>ETag</c> and conditional requests (304 / 412).</param>
    /// <param name="lastModified">The time for <c>Last-Modified</c> and conditional requests.</param>
    /// <param name="cancellationToken">Stops writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the page has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="build"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <see cref="Respond.Html(Action{HtmlBuilder}, int?, string?, DateTimeOffset?)"/> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static Task RespondHtmlAsync(this HttpContext httpContext, Action<HtmlBuilder> build, int? statusCode = null, string? etag = null, DateTimeOffset? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Html(build, statusCode, etag, lastModified), cancellationToken);
    }
}
