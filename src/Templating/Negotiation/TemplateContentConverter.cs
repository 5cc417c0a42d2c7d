using System.Text;
using Herald.Responses;
using Herald.Responses.Internal;
using Herald.Templating.Internal;
using Microsoft.AspNetCore.Http;

namespace Herald.Templating.Negotiation;

/// <summary>
/// Writes <c>text/html</c> by rendering the template the endpoint names (<see cref="TemplateAttribute"/>) with the
/// negotiated value as the model. Endpoints without a template are not claimed, so negotiation moves on to JSON or XML.
/// </summary>
internal sealed class TemplateContentConverter : IContentConverter
{
    private static readonly string[] HtmlMediaTypes = ["text/html"];
    private static readonly Encoding[] Utf8 = [new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)];

    public IReadOnlyList<string> MediaTypes => HtmlMediaTypes;

    public IReadOnlyList<Encoding> SupportedEncodings => Utf8;

    // The endpoint's metadata collection caches lookups by type, so this is a dictionary read and allocates nothing.
    public bool CanWrite(HttpContext httpContext, Type type) => httpContext.GetEndpoint()?.Metadata.GetMetadata<TemplateAttribute>() is not null;

    public bool CanRead(Type type) => false;

    public async ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var httpContext = context.HttpContext;
        var template = httpContext.GetEndpoint()?.Metadata.GetMetadata<TemplateAttribute>()
            ?? throw new InvalidOperationException("The endpoint has no template attached: add .WithTemplate(\"name\") to it.");

        // Rendered in full before the first byte, so a failing template never leaves a partial 200 page behind.
        using var buffer = new PooledTextWriter();
        await TemplateServices.Renderer(httpContext).RenderAsync(template.Name, context.Value, buffer, cancellationToken);
        var chars = buffer.Written;
        var encoding = HtmlCharacterReferenceFallback.For(context.Encoding);
        httpContext.Response.ContentLength = encoding.GetByteCount(chars.Span);
        await RenderedText.WriteAsync(httpContext.Response.BodyWriter, chars, encoding, cancellationToken);
    }

    public ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Templates only write responses; they do not read request bodies.");
}
