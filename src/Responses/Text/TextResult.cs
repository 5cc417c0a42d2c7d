using System.Reflection;
using System.Text;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// A text body with a content type and charset (Ktor's <c>respondText</c>). Created by
/// <see cref="Respond.Text(string, string?, int?, string?, DateTimeOffset?)"/>.
/// </summary>
public sealed class TextResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult, IValueHttpResult<string>, IEndpointMetadataProvider, ICancellableResult
{
    private readonly Encoding _encoding;
    private readonly int _byteCount;
    private readonly EntityTagHeaderValue? _etag;

    internal TextResult(string text, TextContentType contentType, int byteCount, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        Text = text;
        ContentType = contentType.Value;
        _encoding = contentType.Encoding;
        _byteCount = byteCount;
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the text sent as the body.</summary>
    public string Text { get; }

    /// <summary>Gets the <c>Content-Type</c> sent, including its charset (for example <c>text/plain; charset=utf-8</c>).</summary>
    public string ContentType { get; }

    /// <summary>Gets the status code sent when no precondition answers 304 or 412.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the entity tag sent in <c>ETag</c> (quoted, <c>W/</c> when weak), or <see langword="null"/>.</summary>
    public string? ETag => _etag?.ToString();

    /// <summary>Gets the time sent in <c>Last-Modified</c>, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    string? IValueHttpResult<string>.Value => Text;

    object? IValueHttpResult.Value => Text;

    /// <summary>Writes the text, or answers 304 / 412 when the request's preconditions say so.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the body has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Execute(httpContext, CancellationToken.None);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) => Execute(httpContext, cancellationToken);

    private Task Execute(HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!ResultWriter.WriteHead(httpContext, "text", StatusCode, ContentType, _byteCount, _etag, LastModified) || _byteCount == 0)
        {
            return Task.CompletedTask;
        }

        return httpContext.Response.WriteAsync(Text, _encoding, cancellationToken);
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
