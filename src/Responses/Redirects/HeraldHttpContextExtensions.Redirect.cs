using Herald.Responses;

namespace Microsoft.AspNetCore.Http;

public static partial class HeraldHttpContextExtensions
{
    /// <summary>Redirects to <paramref name="url"/> (Ktor's <c>call.respondRedirect</c>).</summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="url">The target, absolute or relative; percent-encoded where needed.</param>
    /// <param name="permanent"><see langword="true"/> for 301 / 308, <see langword="false"/> for 302 / 307.</param>
    /// <param name="preserveMethod"><see langword="true"/> for 307 / 308, which keep the method and body.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="url"/> is empty or contains CR, LF or NUL.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static Task RespondRedirectAsync(this HttpContext httpContext, string url, bool permanent = false, bool preserveMethod = false)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Respond.Redirect(url, permanent, preserveMethod).ExecuteAsync(httpContext);
    }

    /// <summary>
    /// Redirects to a path on this site; an off-site or protocol-relative target is answered with 400 and a
    /// problem-details body.
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <param name="localUrl">A path (<c>/orders/42</c>) or <c>~/path</c> under the application's base path.</param>
    /// <param name="permanent"><see langword="true"/> for 301 / 308, <see langword="false"/> for 302 / 307.</param>
    /// <param name="preserveMethod"><see langword="true"/> for 307 / 308, which keep the method and body.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <remarks>An empty target, or one holding CR, LF, NUL or another control character, is answered with 400 too.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> or <paramref name="localUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public static Task RespondLocalRedirectAsync(this HttpContext httpContext, string localUrl, bool permanent = false, bool preserveMethod = false)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Respond.LocalRedirect(localUrl, permanent, preserveMethod).ExecuteAsync(httpContext);
    }
}
