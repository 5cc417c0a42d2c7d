using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Negotiation;

/// <summary>
/// <c>text/plain</c> through the value's <c>ToString()</c> (invariant culture for numbers and dates), in the charset
/// <c>Accept-Charset</c> chooses. Reads a body into a <see cref="string"/>.
/// </summary>
internal sealed class TextContentConverter : IContentConverter
{
    private static readonly string[] TextMediaTypes = ["text/plain"];

    public IReadOnlyList<string> MediaTypes => TextMediaTypes;

    public IReadOnlyList<Encoding> SupportedEncodings => ContentEncodings.Text;

    public bool CanWrite(HttpContext httpContext, Type type) => true;

    public bool CanRead(Type type) => type == typeof(string);

    public async ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? string.Empty,
        };

        var encoding = context.Encoding;
        if (!CanEncode(encoding, text))
        {
            // Sending '?' for what the chosen charset cannot hold would lose data; RFC 9110 lets the server disregard
            // Accept-Charset instead, so the text goes out as UTF-8 and Content-Type says so.
            encoding = ContentEncodings.Utf8;
            context.HttpContext.Response.ContentType = $"{context.MediaType}; charset=utf-8";
        }

        var writer = context.HttpContext.Response.BodyWriter;
        encoding.GetBytes(text.AsSpan(), writer);
        await writer.FlushAsync(cancellationToken);
    }

    public async ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var reader = new StreamReader(context.Body, context.Encoding ?? ContentEncodings.Utf8, detectEncodingFromByteOrderMarks: context.Encoding is null, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static bool CanEncode(Encoding encoding, string text) => encoding.CodePage switch
    {
        65001 => true,
        28591 => !text.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF'),
        20127 => System.Text.Ascii.IsValid(text),
        _ => false,
    };
}
