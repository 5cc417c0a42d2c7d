using System.Reflection;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// A body of bytes held in memory (Ktor's <c>respondBytes</c>). Created by
/// <see cref="Respond.Bytes(ReadOnlyMemory{byte}, string?, int?, string?, DateTimeOffset?)"/>.
/// </summary>
public sealed class BytesResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult, IValueHttpResult<ReadOnlyMemory<byte>>, IEndpointMetadataProvider, ICancellableResult
{
    private readonly EntityTagHeaderValue? _etag;

    internal BytesResult(ReadOnlyMemory<byte> bytes, string contentType, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        Bytes = bytes;
        ContentType = contentType;
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the bytes sent as the body.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

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

    ReadOnlyMemory<byte> IValueHttpResult<ReadOnlyMemory<byte>>.Value => Bytes;

    object? IValueHttpResult.Value => Bytes;

    /// <summary>Writes the bytes, or answers 304 / 412 when the request's preconditions say so.</summary>
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
        if (!ResultWriter.WriteHead(httpContext, "bytes", StatusCode, ContentType, Bytes.Length, _etag, LastModified) || Bytes.IsEmpty)
        {
            return Task.CompletedTask;
        }

        return httpContext.Response.BodyWriter.WriteAsync(Bytes, cancellationToken).AsTask();
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
