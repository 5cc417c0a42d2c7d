using System.Reflection;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// A body written by the endpoint straight to the response <see cref="System.IO.Stream"/> (Ktor's
/// <c>respondOutputStream</c>). Created by <see cref="Respond.Stream"/>.
/// </summary>
/// <remarks>
/// Nothing is buffered: each write goes to the connection, which applies back-pressure, so memory stays flat for a
/// body of any size. The body is sent chunked (HTTP/1.1) because its length is not known up front.
/// </remarks>
public sealed class StreamResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider, ICancellableResult
{
    private readonly Func<Stream, CancellationToken, Task> _writeAsync;
    private readonly EntityTagHeaderValue? _etag;

    internal StreamResult(Func<Stream, CancellationToken, Task> writeAsync, string contentType, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        _writeAsync = writeAsync;
        ContentType = contentType;
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the <c>Content-Type</c> sent.</summary>
    public string ContentType { get; }

    /// <summary>Gets the status code sent when no precondition answers 304 or 412.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the entity tag sent in <c>ETag</c> (quoted, <c>W/</c> when weak), or <see langword="null"/>.</summary>
    public string? ETag => _etag?.ToString();

    /// <summary>Gets the time sent in <c>Last-Modified</c>, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    /// <summary>
    /// Sends the status and headers, then runs the write callback with the response body and
    /// <see cref="HttpContext.RequestAborted"/>. The callback is not run for 304, 412 or HEAD.
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the callback has finished.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Execute(httpContext, httpContext.RequestAborted);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) => Execute(httpContext, cancellationToken);

    private Task Execute(HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!ResultWriter.WriteStreamingHead(httpContext, "a stream", StatusCode, ContentType, _etag, LastModified))
        {
            return Task.CompletedTask;
        }

        return _writeAsync(httpContext.Response.Body, cancellationToken);
    }

    /// <summary>Declares that the endpoint produces <c>200 application/octet-stream</c>.</summary>
    /// <param name="method">The endpoint's handler method.</param>
    /// <param name="builder">The endpoint builder to add metadata to.</param>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]), [MediaTypes.OctetStream]));
    }
}
