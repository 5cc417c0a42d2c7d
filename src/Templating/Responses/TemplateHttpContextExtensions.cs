using Herald.Responses;
using Herald.Responses.Internal;
using Herald.Templating;

namespace Microsoft.AspNetCore.Http;

/// <summary>Ktor's <c>call.respondTemplate</c> on <see cref="HttpContext"/>: executes the result <c>Respond.Template</c> returns.</summary>
public static class TemplateHttpContextExtensions
{
    /// <summary>Renders the template <paramref name="name"/> with <paramref name="model"/> as the response.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="name">The template's name.</param>
    /// <param name="model">The model; may be <see langword="null"/>.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="contentType">The <c>Content-Type</c>; <c>text/html; charset=utf-8</c> when <see langword="null"/>.</param>
    /// <param name="etag">An entity tag sent in <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without rendering.</param>
    /// <param name="cancellationToken">Stops rendering and writing; the request's <see cref="HttpContext.RequestAborted"/> always does.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown for the invalid arguments <c>Respond.Template</c> refuses.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    /// <exception cref="TemplateNotFoundException">Thrown when the template does not exist.</exception>
    public static Task RespondTemplateAsync(
        this HttpContext httpContext,
        string name,
        object? model = null,
        int? statusCode = null,
        string? contentType = null,
        string? etag = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ResultExecution.ExecuteAsync(httpContext, Respond.Template(name, model, statusCode, contentType, etag), cancellationToken);
    }
}
