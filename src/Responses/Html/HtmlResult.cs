using System.Reflection;
using System.Text;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses;

/// <summary>
/// An HTML page, given as markup or built with <see cref="HtmlBuilder"/> (Ktor's <c>respondHtml</c>). Created by
/// <see cref="Respond.Html(string, int?, string?, DateTimeOffset?)"/> and
/// <see cref="Respond.Html(Action{HtmlBuilder}, int?, string?, DateTimeOffset?)"/>.
/// </summary>
/// <remarks>
/// A built page is rendered into a pooled buffer first, so it is sent with its <c>Content-Length</c> and an exception
/// while building leaves no half-written page behind; the buffer is returned to the pool once the page is sent.
/// </remarks>
public sealed class HtmlResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider, ICancellableResult
{
    private readonly string _html;
    private readonly Action<HtmlBuilder>? _build;
    private readonly int _byteCount;
    private readonly EntityTagHeaderValue? _etag;

    internal HtmlResult(string? html, Action<HtmlBuilder>? build, int statusCode, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        _html = html ?? string.Empty;
        _build = build;
        _byteCount = Encoding.UTF8.GetByteCount(_html);
        StatusCode = statusCode;
        _etag = etag;
        LastModified = lastModified;
    }

    /// <summary>Gets the markup sent, or <see langword="null"/> when the page is built by an <see cref="HtmlBuilder"/> lambda.</summary>
    public string? Html => _build is null ? _html : null;

    /// <summary>Gets the <c>Content-Type</c> sent: <c>text/html; charset=utf-8</c>.</summary>
    public string ContentType => TextContentType.HtmlUtf8;

    /// <summary>Gets the status code sent when no precondition answers 304 or 412.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the entity tag sent in <c>ETag</c> (quoted, <c>W/</c> when weak), or <see langword="null"/>.</summary>
    public string? ETag => _etag?.ToString();

    /// <summary>Gets the time sent in <c>Last-Modified</c>, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastModified { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    /// <summary>
    /// Writes the page, or answers 304 / 412 when the request's preconditions say so (a built page is then not
    /// rendered at all).
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the page has been written.</returns>
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
        if (_build is { } build)
        {
            return ExecuteBuilderAsync(httpContext, build, cancellationToken);
        }

        if (!ResultWriter.WriteHead(httpContext, "HTML", StatusCode, ContentType, _byteCount, _etag, LastModified) || _byteCount == 0)
        {
            return Task.CompletedTask;
        }

        return httpContext.Response.WriteAsync(_html, Encoding.UTF8, cancellationToken);
    }

    private async Task ExecuteBuilderAsync(HttpContext httpContext, Action<HtmlBuilder> build, CancellationToken cancellationToken)
    {
        if (!ResultWriter.WriteHead(httpContext, "HTML", StatusCode, ContentType, contentLength: null, _etag, LastModified))
        {
            return;
        }

        using var writer = new PooledTextWriter();
        HtmlBuilder.WriteDocument(writer, build);
        var page = writer.Written;
        httpContext.Response.ContentLength = Encoding.UTF8.GetByteCount(page.Span);
        await ResultWriter.WriteUtf8Async(httpContext.Response, page, cancellationToken);
    }

    /// <summary>Declares that the endpoint produces <c>200 text/html</c>.</summary>
    /// <param name="method">The endpoint's handler method.</param>
    /// <param name="builder">The endpoint builder to add metadata to.</param>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/html"]));
    }
}
