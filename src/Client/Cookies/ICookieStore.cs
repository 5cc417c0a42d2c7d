namespace Herald.Client;

/// <summary>
/// A cookie jar: the cookies a client received, kept across requests (clj-http's <c>:cookie-store</c>, Ktor's
/// <c>CookiesStorage</c>). Herald's default is <see cref="CookieStore"/>; implement this to persist cookies or to
/// share them beyond one process. Implementations must be thread-safe: one client sends many requests at once.
/// </summary>
public interface ICookieStore
{
    /// <summary>
    /// Stores a cookie received in a response to <paramref name="requestUrl"/>, applying the storage rules of
    /// RFC 6265 5.3 (domain, path, <c>Secure</c>, prefixes, public suffixes). A cookie that has already expired
    /// deletes the stored cookie of the same name, domain and path.
    /// </summary>
    /// <param name="requestUrl">The absolute URL of the request whose response set the cookie.</param>
    /// <param name="cookie">The cookie, as parsed from <c>Set-Cookie</c>.</param>
    /// <returns><see langword="true"/> when the cookie was accepted (stored, or a deletion applied); <see langword="false"/> when the rules rejected it.</returns>
    bool Add(Uri requestUrl, HeraldCookie cookie);

    /// <summary>
    /// Returns the cookies to send to <paramref name="url"/> (RFC 6265 5.4), in the order to send them: longer paths
    /// first, then earlier creation.
    /// </summary>
    /// <param name="url">The absolute URL of the request about to be sent.</param>
    IReadOnlyList<HeraldCookie> GetCookies(Uri url);

    /// <summary>Returns every cookie that has not expired, as a snapshot.</summary>
    IReadOnlyList<HeraldCookie> GetAllCookies();

    /// <summary>Removes every cookie.</summary>
    void Clear();
}
