using Herald.Responses.Conditional;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>
    /// Answers with <paramref name="value"/> in the format the client asks for: JSON, XML, text or any registered
    /// converter, chosen from <c>Accept</c> (Ktor's <c>call.respond(value)</c> with <c>ContentNegotiation</c>).
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddContentNegotiation(o =&gt; o.AddJson().AddXml());
    /// app.MapGet("/customer/{id}", (int id) =&gt; Respond.Negotiated(new Customer(id, "Jet", "Brains")));
    /// </code>
    /// </example>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
    /// <param name="etag">
    /// An entity tag for the value (<c>7c876b7e</c>, <c>"7c876b7e"</c> or <c>W/"7c876b7e"</c>). Each representation is
    /// sent with its own tag, this value plus a suffix naming the <c>Content-Type</c> (<c>"7c876b7e-d4121ccc"</c>), so JSON
    /// and XML never share one (RFC 9110 section 8.8.1); <c>If-None-Match</c> / <c>If-Match</c> are compared with that tag
    /// and answered with 304 / 412.
    /// </param>
    /// <param name="lastModified">
    /// The value's last modification time: sent as <c>Last-Modified</c>, and <c>If-Modified-Since</c> /
    /// <c>If-Unmodified-Since</c> are answered with 304 / 412.
    /// </param>
    /// <returns>A result that negotiates and writes the value when executed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100–999.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="etag"/> is empty or holds quotes, spaces or control characters.</exception>
    public static NegotiatedResult<T> Negotiated<T>(T value, int? statusCode = null, string? etag = null, DateTimeOffset? lastModified = null)
    {
        if (statusCode is { } code)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(code, 100, nameof(statusCode));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 999, nameof(statusCode));
        }

        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new NegotiatedResult<T>(value, statusCode ?? 200, tag, lastModified);
    }
}
