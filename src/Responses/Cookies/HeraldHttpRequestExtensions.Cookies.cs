using Herald.Responses;

namespace Microsoft.AspNetCore.Http;

/// <summary>Ktor-style helpers on <see cref="HttpRequest"/>.</summary>
public static partial class HeraldHttpRequestExtensions
{
    /// <summary>
    /// Reads the cookie <paramref name="name"/> from the request's <c>Cookie</c> header and decodes it with
    /// <paramref name="encoding"/>: the counterpart of
    /// <see cref="HeraldHttpResponseExtensions.AppendCookie(HttpResponse, string, string, CookieEncoding, Action{CookieOptions}?)"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie's name (case-sensitive).</param>
    /// <param name="encoding">The encoding the cookie was set with; <see cref="CookieEncoding.Uri"/> by default.</param>
    /// <returns>
    /// The decoded value; <see langword="null"/> when the request has no such cookie or its value is not valid in
    /// <paramref name="encoding"/> (a client can send anything, so a malformed value counts as absent rather than
    /// failing the request).
    /// </returns>
    /// <remarks>
    /// The raw header is read instead of <see cref="HttpRequest.Cookies"/>, which percent-decodes every value itself and
    /// would corrupt <see cref="CookieEncoding.Raw"/> values holding <c>%</c>. When a name repeats (cookies set for
    /// different paths), the first is returned: user agents send the most specific path first.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty.</exception>
    public static string? Cookie(this HttpRequest request, string name, CookieEncoding encoding = CookieEncoding.Uri)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var header in request.Headers.Cookie)
        {
            var rest = header.AsSpan();
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf(';');
                var pair = (end < 0 ? rest : rest[..end]).Trim(" \t");
                rest = end < 0 ? default : rest[(end + 1)..];
                var equals = pair.IndexOf('=');
                if (equals < 0 || !pair[..equals].TrimEnd(" \t").SequenceEqual(name))
                {
                    continue;
                }

                return CookieValueCodec.TryDecode(pair[(equals + 1)..].TrimStart(" \t"), encoding, out var value) ? value : null;
            }
        }

        return null;
    }
}
