using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>
/// Answers <c>text/html</c> only for endpoints carrying <see cref="HtmlTemplateMetadata"/>: the shape of the templating
/// converter ("HTML from the endpoint's template, JSON or XML otherwise"), with string formatting in place of an engine.
/// </summary>
internal sealed class FakeTemplateConverter : IContentConverter
{
    public IReadOnlyList<string> MediaTypes { get; } = ["text/html"];

    public IReadOnlyList<Encoding> SupportedEncodings { get; } = [new UTF8Encoding(false)];

    public bool CanWrite(HttpContext httpContext, Type type) =>
        httpContext.GetEndpoint()?.Metadata.GetMetadata<HtmlTemplateMetadata>() is not null;

    public bool CanRead(Type type) => false;

    public async ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        var template = context.HttpContext.GetEndpoint()!.Metadata.GetMetadata<HtmlTemplateMetadata>()!.Template;
        var html = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, System.Net.WebUtility.HtmlEncode(context.Value?.ToString()));
        await context.HttpContext.Response.BodyWriter.WriteAsync(context.Encoding.GetBytes(html), cancellationToken);
    }

    public ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("HTML templates are written, not read.");
}
