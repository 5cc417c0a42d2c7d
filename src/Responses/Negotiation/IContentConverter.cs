using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses;

/// <summary>
/// Writes values to and reads values from one family of media types (JSON, XML, text, CSV, templates, ...): the unit of
/// Herald's content negotiation, the counterpart of a Ktor <c>ContentConverter</c>.
/// </summary>
/// <remarks>
/// <para>
/// Register converters with <c>builder.Services.AddContentNegotiation(o =&gt; o.AddJson().Add(new MyConverter()))</c>;
/// registration order is the server's preference order and the first converter is the default. Herald parses
/// <c>Accept</c>, <c>Accept-Charset</c> and <c>Content-Type</c>, picks the converter and media type, sets
/// <c>Content-Type</c> (with the chosen charset for text formats) and <c>Vary</c>, and only then calls the converter.
/// </para>
/// <para>
/// A converter is a singleton shared by all requests: it must be thread-safe, and should hoist per-type work (contracts,
/// serializers) out of the per-request path. <see cref="CanWrite"/> is called on every negotiated response, so it must be
/// cheap and must not allocate.
/// </para>
/// </remarks>
public interface IContentConverter
{
    /// <summary>Gets the media types this converter writes and reads, in preference order.</summary>
    /// <value>
    /// Concrete media types without parameters, such as <c>application/json</c>. Structured-syntax suffixes are matched
    /// for free: a converter for <c>application/json</c> also answers <c>application/problem+json</c> and reads
    /// <c>application/vnd.acme+json</c>.
    /// </value>
    IReadOnlyList<string> MediaTypes { get; }

    /// <summary>Gets the character encodings this converter can write, the default first.</summary>
    /// <value>
    /// For text formats, the encodings <c>Accept-Charset</c> may choose from (the chosen one is named in the
    /// <c>Content-Type</c>'s <c>charset</c>). Empty for binary formats: no charset is sent and
    /// <see cref="ContentWriteContext.Encoding"/> is UTF-8 and may be ignored.
    /// </value>
    IReadOnlyList<Encoding> SupportedEncodings { get; }

    /// <summary>Decides whether this converter can write a value of <paramref name="type"/> for this request.</summary>
    /// <param name="httpContext">The request, so a converter can consult endpoint metadata (a template attached to it).</param>
    /// <param name="type">The declared type of the value to write.</param>
    /// <returns><see langword="true"/> when the converter can write the value; otherwise the next acceptable converter is tried.</returns>
    bool CanWrite(HttpContext httpContext, Type type);

    /// <summary>Decides whether this converter can read a request body into <paramref name="type"/>.</summary>
    /// <param name="type">The type the body is read into.</param>
    /// <returns><see langword="true"/> when the converter can read the type.</returns>
    bool CanRead(Type type);

    /// <summary>Writes the value to the response body.</summary>
    /// <param name="context">The request, value, declared type, chosen media type and encoding.</param>
    /// <param name="cancellationToken">Cancels the write; Herald passes <see cref="HttpContext.RequestAborted"/>.</param>
    /// <returns>A task that completes when the value has been written.</returns>
    ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken);

    /// <summary>Reads the request body into a value of <see cref="ContentReadContext.TargetType"/>.</summary>
    /// <param name="context">The request body, target type, media type and encoding.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value read (<see langword="null"/> for a body that says null, such as JSON's <c>null</c>).</returns>
    /// <exception cref="ContentReceiveException">Thrown when the body is malformed; it becomes a 400 with problem details.</exception>
    ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken);
}
