using System.Reflection;
using System.Text;
using Herald.Responses.Internal;
using Herald.Templating.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Herald.Templating;

/// <summary>
/// A rendered template as the response (Ktor's <c>respondTemplate</c>). Created by <c>Respond.Template</c> and
/// <c>Respond.Razor&lt;TComponent&gt;</c> and <c>Respond.Slice&lt;TSlice&gt;</c>.
/// </summary>
/// <remarks>
/// The template is rendered into a buffer before anything is sent: a template that fails halfway throws before the
/// response starts, so the application's exception handling answers (a 500 problem-details response outside
/// Development) and no partial <c>200</c> page ever leaves. With an entity tag, a matching <c>If-None-Match</c> answers
/// 304 without rendering at all. The body goes out with its <c>Content-Length</c>. A <c>HEAD</c> request is rendered too,
/// so it answers with the status and headers (<c>Content-Length</c> included) that <c>GET</c> would, and no body.
/// </remarks>
public sealed class TemplateResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IValueHttpResult, IEndpointMetadataProvider, ICancellableResult
{
    private readonly Encoding _encoding;
    private readonly EntityTagHeaderValue? _etag;
    private readonly Type? _component;
    private readonly IReadOnlyDictionary<string, object?>? _parameters;
    private readonly Func<object?, RazorSlice>? _slice;

    internal TemplateResult(string name, object? model, Type? component, IReadOnlyDictionary<string, object?>? parameters, TextContentType contentType, int statusCode, EntityTagHeaderValue? etag)
        : this(name, model, contentType, statusCode, etag)
    {
        _component = component;
        _parameters = parameters;
    }

    internal TemplateResult(string name, object? model, Func<object?, RazorSlice> slice, TextContentType contentType, int statusCode, EntityTagHeaderValue? etag)
        : this(name, model, contentType, statusCode, etag)
    {
        _slice = slice;
    }

    private TemplateResult(string name, object? model, TextContentType contentType, int statusCode, EntityTagHeaderValue? etag)
    {
        TemplateName = name;
        Model = model;
        ContentType = contentType.Value;
        _encoding = contentType.Encoding;
        StatusCode = statusCode;
        _etag = etag;
    }

    /// <summary>Gets the template's name (the component's or slice's type name for <c>Respond.Razor</c> and <c>Respond.Slice</c>).</summary>
    public string TemplateName { get; }

    /// <summary>Gets the model handed to the template (the parameters for <c>Respond.Razor</c>).</summary>
    public object? Model { get; }

    /// <summary>Gets the <c>Content-Type</c> sent, with its charset.</summary>
    /// <value><c>text/html; charset=utf-8</c> unless another type was given.</value>
    public string ContentType { get; }

    /// <summary>Gets the status code sent when no precondition answers 304 or 412.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the entity tag sent in <c>ETag</c> (quoted, <c>W/</c> when weak), or <see langword="null"/>.</summary>
    public string? ETag => _etag?.ToString();

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    object? IValueHttpResult.Value => Model;

    /// <summary>Renders the template and writes it, or answers 304 / 412 when the request's preconditions say so.</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the body has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started, or templating is not registered.</exception>
    /// <exception cref="TemplateNotFoundException">Thrown when the template does not exist.</exception>
    /// <exception cref="TemplateSyntaxException">Thrown when the template cannot be compiled.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ExecuteAsync(httpContext, httpContext.RequestAborted);
    }

    Task ICancellableResult.ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken) => ExecuteAsync(httpContext, cancellationToken);

    private async Task ExecuteAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        // WriteHead answers false for HEAD as well as for 304/412; HEAD still renders, so that a template that fails or
        // is missing answers HEAD as it answers GET, and the Content-Length is the GET body's.
        var head = HttpMethods.IsHead(httpContext.Request.Method);
        if (!ResultWriter.WriteHead(httpContext, "a template", StatusCode, ContentType, contentLength: null, _etag, lastModified: null)
            && (!head || httpContext.Response.StatusCode != StatusCode))
        {
            return;
        }

        using var buffer = new PooledTextWriter();
        if (_slice is not null)
        {
            await _slice(Model).RenderAsync(buffer, cancellationToken);
        }
        else if (_component is not null)
        {
            var renderer = httpContext.RequestServices.GetService<RazorComponentRenderer>() ?? throw new InvalidOperationException(
                "Razor rendering is not configured. Register it at startup: builder.Services.AddTemplating(o => o.AddRazor()).");
            await renderer.RenderAsync(_component, _parameters, buffer, httpContext.RequestServices, cancellationToken);
        }
        else
        {
            await TemplateServices.Renderer(httpContext).RenderAsync(TemplateName, Model, buffer, cancellationToken);
        }

        var chars = buffer.Written;
        var encoding = HtmlCharacterReferenceFallback.For(_encoding);
        httpContext.Response.ContentLength = encoding.GetByteCount(chars.Span);
        if (head)
        {
            return;
        }

        await RenderedText.WriteAsync(httpContext.Response.BodyWriter, chars, encoding, cancellationToken);
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
