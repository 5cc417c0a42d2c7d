using Herald.Responses;
using Herald.Responses.Internal;
using Microsoft.Net.Http.Headers;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpResponseExtensions
{
    private const string UnixEpoch = "Thu, 01 Jan 1970 00:00:00 GMT";

    /// <summary>
    /// Appends a <c>Set-Cookie</c> header with the value encoded as asked (Ktor's
    /// <c>response.cookies.append(Cookie(name, value, encoding, ...))</c>). Read it back with
    /// <see cref="HeraldHttpRequestExtensions.Cookie(HttpRequest, string, CookieEncoding)"/> and the same encoding.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie name, an RFC 9110 token.</param>
    /// <param name="value">
    /// The value: with every encoding but <see cref="CookieEncoding.Raw"/>, any string without CR, LF or NUL (refused
    /// everywhere a header is written).
    /// </param>
    /// <param name="encoding">How the value is written; <see cref="CookieEncoding.Uri"/> by default.</param>
    /// <param name="configure">
    /// Adjusts the attributes, starting from Herald's defaults: <c>HttpOnly</c>, <c>SameSite=Lax</c>, <c>Secure</c>
    /// when the request is HTTPS, and path <c>/</c>. Set <c>MaxAge</c>, <c>Expires</c>, <c>Domain</c>, <c>Path</c>,
    /// <c>Extensions</c>, or turn a default off (<c>o =&gt; o.HttpOnly = false</c>).
    /// </param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/>, <paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the name is not a token; a <see cref="CookieEncoding.Raw"/> value holds a character that cannot be
    /// sent raw; a domain, path or extension holds CR, LF, NUL, <c>;</c> or non-ASCII text; or the attributes are ones
    /// browsers drop (SameSite=None without Secure, a <c>__Host-</c> / <c>__Secure-</c> name without Secure).
    /// </exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse AppendCookie(
        this HttpResponse response,
        string name,
        string value,
        CookieEncoding encoding = CookieEncoding.Uri,
        Action<CookieOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        SetCookieHeader.ValidateName(name, nameof(name));
        HeaderValueGuard.ThrowIfInvalid(value, nameof(value));
        var encoded = CookieValueCodec.Encode(name, value, encoding, nameof(value));
        var options = SetCookieHeader.CreateDefaults(response.HttpContext.Request);
        configure?.Invoke(options);
        var header = SetCookieHeader.Format(name, encoded, options);
        HeaderValues.EnsureNotStarted(response, HeaderNames.SetCookie);
        response.Headers.Append(HeaderNames.SetCookie, header);
        return response;
    }

    /// <summary>
    /// Appends a <c>Set-Cookie</c> header that removes the cookie from the client (Ktor's <c>cookies.appendExpired</c>):
    /// an empty value that expired at the Unix epoch, with <c>Max-Age=0</c>.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="name">The cookie's name.</param>
    /// <param name="domain">The domain the cookie was set for, if it was set with one; it must match to remove it.</param>
    /// <param name="path">The path the cookie was set for; <c>/</c> when <see langword="null"/>. It must match to remove it.</param>
    /// <returns>The response, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Thrown when the name is not a token, or the domain or path holds CR, LF, NUL, <c>;</c> or non-ASCII text.
    /// </exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static HttpResponse AppendExpired(this HttpResponse response, string name, string? domain = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(name);
        SetCookieHeader.ValidateName(name, nameof(name));
        HeaderValueGuard.ThrowIfInvalid(domain, nameof(domain));
        HeaderValueGuard.ThrowIfInvalid(path, nameof(path));
        var options = SetCookieHeader.CreateDefaults(response.HttpContext.Request);
        options.Domain = domain;
        options.Path = path ?? "/";
        options.MaxAge = TimeSpan.Zero;
        // A prefixed cookie can only be replaced, and so removed, by a Set-Cookie that carries Secure itself.
        options.Secure |= name.StartsWith("__Secure-", StringComparison.Ordinal) || name.StartsWith("__Host-", StringComparison.Ordinal);
        var header = SetCookieHeader.Format(name, string.Empty, options, UnixEpoch);
        HeaderValues.EnsureNotStarted(response, HeaderNames.SetCookie);
        response.Headers.Append(HeaderNames.SetCookie, header);
        return response;
    }
}
