using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Internal;

/// <summary>Checks shared by every result before it touches the response.</summary>
internal static class ResponseGuard
{
    /// <summary>Throws when the status line and headers have already been sent.</summary>
    /// <exception cref="InvalidOperationException">Thrown when <see cref="HttpResponse.HasStarted"/> is true.</exception>
    public static void EnsureNotStarted(HttpContext httpContext, string what)
    {
        if (httpContext.Response.HasStarted)
        {
            throw new InvalidOperationException(
                $"Cannot send {what}: the response has already started, so its status line and headers were sent. " +
                "Respond once per request, before anything writes to or flushes the response body.");
        }
    }
}
