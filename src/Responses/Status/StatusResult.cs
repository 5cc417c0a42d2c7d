using Herald.Responses.Internal;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses;

/// <summary>
/// A status code, optionally with its own reason phrase, and no body (Ktor's <c>call.respond(HttpStatusCode(418, "I'm a tea pot"))</c>).
/// Created by <see cref="Respond.Status"/>.
/// </summary>
/// <remarks>
/// The status is chosen per call, so this type declares nothing to OpenAPI through <c>IEndpointMetadataProvider</c>:
/// add <c>.Produces(418)</c> to the endpoint to document it.
/// </remarks>
public sealed class StatusResult : IResult, IStatusCodeHttpResult
{
    internal StatusResult(int statusCode, string? reasonPhrase)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>Gets the status code sent.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the reason phrase sent in an HTTP/1.1 status line, or <see langword="null"/> for the standard one.</summary>
    /// <remarks>HTTP/2 and HTTP/3 have no reason phrase; there only the code is sent.</remarks>
    public string? ReasonPhrase { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>Sets the status code and reason phrase; the response has no body.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ResultWriter.WriteHead(httpContext, "a status", StatusCode, contentType: null, contentLength: null, etag: null, lastModified: null);
        StatusLine.Apply(httpContext.Response, StatusCode, ReasonPhrase);
        return Task.CompletedTask;
    }
}
