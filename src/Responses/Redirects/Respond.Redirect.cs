using Herald.Responses.Internal;

namespace Herald.Responses;

public static partial class Respond
{
    /// <summary>Creates a redirect to <paramref name="url"/> (Ktor's <c>respondRedirect</c>).</summary>
    /// <param name="url">
    /// The target: absolute (<c>https://example.com/a</c>) or relative (<c>/moved</c>). Characters a URI cannot hold
    /// (non-ASCII, spaces) are percent-encoded in <c>Location</c>; an internationalised host is sent in punycode.
    /// </param>
    /// <param name="permanent"><see langword="true"/> for 301 / 308, <see langword="false"/> for 302 / 307.</param>
    /// <param name="preserveMethod">
    /// <see langword="true"/> for 307 / 308, which tell the client to repeat the method and body (a POST stays a POST).
    /// </param>
    /// <returns>A <see cref="RedirectResult"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="url"/> is empty or contains CR, LF or NUL.</exception>
    public static RedirectResult Redirect(string url, bool permanent = false, bool preserveMethod = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        HeaderValueGuard.ThrowIfInvalid(url, nameof(url));
        return new RedirectResult(url, UrlEncoding.Encode(url, nameof(url)), permanent, preserveMethod, acceptLocalUrlOnly: false, isLocal: IsLocalUrl(url));
    }

    /// <summary>
    /// Creates a redirect that only goes to a path on this site: use it for targets taken from the request
    /// (<c>?returnUrl=...</c>). An off-site, absolute or protocol-relative target (<c>//evil</c>, <c>/\evil</c>,
    /// <c>https://evil</c>) is answered with 400 and a problem-details body, never followed.
    /// </summary>
    /// <param name="localUrl">
    /// A path (<c>/orders/42?tab=items</c>), or <c>~/path</c> for a path under the application's base path.
    /// </param>
    /// <param name="permanent"><see langword="true"/> for 301 / 308, <see langword="false"/> for 302 / 307.</param>
    /// <param name="preserveMethod"><see langword="true"/> for 307 / 308, which keep the method and body.</param>
    /// <returns>A <see cref="RedirectResult"/> that accepts local targets only.</returns>
    /// <remarks>
    /// Nothing but <see langword="null"/> throws here: the target is request data, so an empty one, or one holding CR,
    /// LF, NUL or another control character, is not local and is answered with 400 like an off-site target.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="localUrl"/> is <see langword="null"/>.</exception>
    public static RedirectResult LocalRedirect(string localUrl, bool permanent = false, bool preserveMethod = false)
    {
        ArgumentNullException.ThrowIfNull(localUrl);

        // IsLocalUrl refuses empty targets and every control character (CR, LF and NUL among them), so nothing that
        // could split a header line ever reaches Location.
        var isLocal = IsLocalUrl(localUrl);
        // An off-site target is never encoded or sent; it is answered with 400 when the result runs.
        var location = isLocal ? UrlEncoding.Encode(localUrl, nameof(localUrl)) : string.Empty;
        return new RedirectResult(localUrl, location, permanent, preserveMethod, acceptLocalUrlOnly: true, isLocal);
    }

    /// <summary>
    /// The framework's rule (<c>IUrlHelper.IsLocalUrl</c>): <c>/path</c> or <c>~/path</c>, but not <c>//host</c>,
    /// <c>/\host</c> (browsers read a backslash as a slash), and no control characters (browsers drop tabs and line
    /// breaks from URLs, which would turn <c>/&#9;/host</c> into <c>//host</c>).
    /// </summary>
    private static bool IsLocalUrl(string url)
    {
        var rest = url.AsSpan();
        if (rest.StartsWith("~/"))
        {
            rest = rest[1..];
        }

        if (rest.Length == 0 || rest[0] != '/')
        {
            return false;
        }

        if (rest.Length > 1 && rest[1] is '/' or '\\')
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
