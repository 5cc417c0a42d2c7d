using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses;

/// <summary>What a <see cref="IContentConverter"/> needs to read one request body.</summary>
public sealed class ContentReadContext
{
    private Stream? _body;

    /// <summary>Creates a read context.</summary>
    /// <param name="httpContext">The request whose body is read.</param>
    /// <param name="targetType">The type to read the body into.</param>
    /// <param name="mediaType">The request's media type, from <c>Content-Type</c>, without parameters.</param>
    /// <param name="encoding">The encoding named by the <c>Content-Type</c>'s <c>charset</c>, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/>, <paramref name="targetType"/> or <paramref name="mediaType"/> is <see langword="null"/>.</exception>
    public ContentReadContext(HttpContext httpContext, Type targetType, string mediaType, Encoding? encoding)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(targetType);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        HttpContext = httpContext;
        TargetType = targetType;
        MediaType = mediaType;
        Encoding = encoding;
    }

    /// <summary>Gets the request whose body is read.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Gets the request body as a pipe: the framework's size limit applies to it.</summary>
    public PipeReader BodyReader => HttpContext.Request.BodyReader;

    /// <summary>Gets the request body as a stream over <see cref="BodyReader"/>: the framework's size limit applies to it.</summary>
    /// <remarks>
    /// The stream reads through the pipe rather than <c>HttpRequest.Body</c>: Herald looks at the body through the
    /// pipe before a converter runs (to tell an empty chunked body), and on servers whose pipe is an adapter over the
    /// stream (the test server) bytes the pipe has buffered would be missing from the raw stream.
    /// </remarks>
    public Stream Body => _body ??= HttpContext.Request.BodyReader.AsStream(leaveOpen: true);

    /// <summary>Gets the type to read the body into.</summary>
    public Type TargetType { get; }

    /// <summary>Gets the request's media type, such as <c>application/json</c> or <c>application/vnd.acme+json</c>.</summary>
    public string MediaType { get; }

    /// <summary>Gets the encoding named by the request's <c>charset</c>, or <see langword="null"/> when it names none.</summary>
    /// <value>When <see langword="null"/>, a converter uses its format's rule (UTF-8 for JSON, the XML declaration for XML).</value>
    public Encoding? Encoding { get; }
}
