using Herald.Responses;
using Herald.Responses.Internal;

namespace Microsoft.AspNetCore.Http;

/// <summary>
/// Ktor-style helpers on <see cref="HttpResponse"/>: status with reason phrase, headers and cookies. Each returns the
/// response so calls chain (<c>ctx.Response.Status(418, "I'm a tea pot").Header("X-Tea", "green")</c>).
/// </summary>
public static partial class HeraldHttpResponseExtensions
{
    /// <summary>Sets the status code and, optionally, the reason phrase (Ktor's <c>call.response.status(...)</c>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="statusCode">The status code, 100-999.</param>
    /// <param name="reasonPhrase">
    /// The reason phrase for the HTTP/1.1 status line; the standard phrase when <see langword="null"/>. Printable ASCII only.
    /// </param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="reasonPhrase"/> holds CR, LF, NUL, another control character or non-ASCII text.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse Status(this HttpResponse response, int statusCode, string? reasonPhrase = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        StatusLine.Validate(statusCode, reasonPhrase, nameof(statusCode), nameof(reasonPhrase));
        ResponseGuard.EnsureNotStarted(response.HttpContext, "a status");
        StatusLine.Apply(response, statusCode, reasonPhrase);
        return response;
    }
}
