namespace Herald.Client;

/// <summary>Which cookies the cookie middleware keeps and sends (clj-http's <c>:cookie-policy</c>).</summary>
public enum CookiePolicy
{
    /// <summary>
    /// Stores nothing and sends nothing from the store. Cookies given with the request (a <c>Cookie</c> header,
    /// <see cref="CookieRequestExtensions.Cookie(HeraldRequest, string, string)"/>) are still sent, and
    /// <see cref="HeraldResponse.Cookies"/> still reports what the response set.
    /// </summary>
    None,

    /// <summary>
    /// RFC 6265 with the RFC 6265bis rules browsers apply: domain and path matching, expiry, <c>Secure</c> only from and
    /// to secure origins, <c>__Secure-</c> and <c>__Host-</c> prefixes, no cookie for a public suffix or for a domain
    /// the response's host does not domain-match. See <see cref="CookieStore"/>.
    /// </summary>
    Standard,

    /// <summary>
    /// <see cref="Standard"/>, and also:
    /// <list type="bullet">
    /// <item><description>a cookie is only ever for the exact host that set it: a <c>Domain</c> attribute other than
    /// that host rejects the cookie, and one equal to it is ignored (the cookie stays host-only);</description></item>
    /// <item><description>no third party: a redirect hop to another site than the URL the call started with (another
    /// registrable domain, e.g. <c>example.com</c> vs <c>example.org</c>) neither stores the cookies it sets nor
    /// receives cookies from the store;</description></item>
    /// <item><description>a <c>SameSite=None</c> cookie without <c>Secure</c> is rejected (as browsers do).</description></item>
    /// </list>
    /// </summary>
    Strict,
}
