using System.Reflection;
using System.Text;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// A text body written by the endpoint through a <see cref="TextWriter"/> on the response (Ktor's
/// <c>respondTextWriter</c>). Created by <see cref="Respond.Writer"/>.
/// </summary>
/// <remarks>
/// The writer is the framework's <see cref="HttpResponseStreamWriter"/>: it encodes into pooled buffers of a fixed
/// size and writes them to the connection as they fill, so memory stays flat for a body of any size.
/// </remarks>
public sealed class WriterResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider, ICancellableResult
{
    private readonly Func<TextWriter, CancellationToken, Task> _writeAsync;
    private readonly Encoding _encoding;
    private readonly EntityTagHeaderValue? _etag;

    internal WriterResult(Func<TextWriter, CancellationToken, Task> writeAsync, TextContentType contentType, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        _writeAsync = writeAsync;
        ContentType = contentType.Value;
        _encoding = contentType.Encoding;
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the <c>Content-Type</c> sent, including its charset.</summary>
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
    /// Sends the status and headers, runs the write callback with a writer on the response body (encoding with the
    /// content type's charset) and <see cref="HttpContext.RequestAborted"/>, then flushes the writer. The callback is
    /// not run for 304, 412 or HEAD.
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the callback has finished and the writer is flushed.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Execute(httpContext, httpContext.RequestAborted);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) => Execute(httpContext, cancellationToken);

    private async Task Execute(HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!ResultWriter.WriteStreamingHead(httpContext, "a text writer", StatusCode, ContentType, _etag, LastModified))
        {
            return;
        }

        await using var writer = new HttpResponseStreamWriter(httpContext.Response.Body, _encoding);
        await _writeAsync(writer, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Declares that the endpoint produces <c>200 text/plain</c>.</summary>
    /// <param name="method">The endpoint's handler method.</param>
    /// <param name="builder">The endpoint builder to add metadata to.</param>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/plain"]));
    }
}
