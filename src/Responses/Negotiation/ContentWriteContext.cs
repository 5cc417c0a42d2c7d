using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses;

/// <summary>What a <see cref="IContentConverter"/> needs to write one value: the request, the value and the chosen format.</summary>
public sealed class ContentWriteContext
{
    /// <summary>Creates a write context.</summary>
    /// <param name="httpContext">The request being answered.</param>
    /// <param name="value">The value to write.</param>
    /// <param name="declaredType">The value's declared type (the <c>T</c> of <c>Respond.Negotiated&lt;T&gt;</c>).</param>
    /// <param name="mediaType">The media type chosen for the response, without parameters.</param>
    /// <param name="encoding">The character encoding chosen for the response.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument other than <paramref name="value"/> is <see langword="null"/>.</exception>
    public ContentWriteContext(HttpContext httpContext, object? value, Type declaredType, string mediaType, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(declaredType);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        ArgumentNullException.ThrowIfNull(encoding);
        HttpContext = httpContext;
        Value = value;
        DeclaredType = declaredType;
        MediaType = mediaType;
        Encoding = encoding;
    }

    /// <summary>Gets the request being answered; write to its <see cref="HttpResponse.BodyWriter"/>.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Gets the value to write.</summary>
    public object? Value { get; }

    /// <summary>Gets the value's declared type.</summary>
    public Type DeclaredType { get; }

    /// <summary>Gets the media type chosen for the response, such as <c>application/json</c> or <c>application/problem+json</c>.</summary>
    /// <value>The <c>Content-Type</c> header is already set to this media type (plus <c>charset</c> for text formats).</value>
    public string MediaType { get; }

    /// <summary>Gets the character encoding chosen from <c>Accept-Charset</c> and the converter's supported encodings.</summary>
    public Encoding Encoding { get; }
}
