using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Responses.Conditional;

/// <summary>
/// Answers 304 / 412 for any response whose headers carry <c>ETag</c> or <c>Last-Modified</c>, the way Ktor's
/// <c>ConditionalHeaders</c> plugin does: shared by the <c>WithConditionalRequests()</c> endpoint filter and the
/// <c>UseConditionalRequests()</c> middleware.
/// </summary>
/// <remarks>
/// The validators are only known once the endpoint has set its headers, which may be just before the body is written.
/// So the decision is taken in <see cref="HttpResponse.OnStarting(Func{object, Task}, object)"/>, registered before the
/// endpoint runs and therefore run after every callback the endpoint registers (they run last-in first-out), and
/// the response body feature is wrapped so that, once the answer is 304 or 412, the endpoint's writes are discarded
/// instead of failing or leaking a body.
/// <para>
/// Only GET and HEAD are evaluated. For other methods the endpoint has already acted by the time its response headers
/// exist, so answering 412 afterwards would report a change as refused after making it: an unsafe method must check
/// <c>If-Match</c> itself before changing state.
/// </para>
/// </remarks>
internal static class ConditionalRequests
{
    /// <summary>
    /// Prepares the response so its preconditions are evaluated when it starts. Does nothing (and allocates nothing)
    /// when the request carries no conditional header, is neither GET nor HEAD, or is already prepared.
    /// </summary>
    /// <returns>The installed body feature, to uninstall once the pipeline has returned; <see langword="null"/> when nothing was installed.</returns>
    public static ConditionalResponseBodyFeature? Install(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !HasConditionalHeader(request.Headers))
        {
            return null;
        }

        var features = httpContext.Features;
        var inner = features.Get<IHttpResponseBodyFeature>();
        if (inner is null or ConditionalResponseBodyFeature || httpContext.Response.HasStarted)
        {
            return null;
        }

        var feature = new ConditionalResponseBodyFeature(httpContext, inner);
        features.Set<IHttpResponseBodyFeature>(feature);
        httpContext.Response.OnStarting(static state => ((ConditionalResponseBodyFeature)state).OnResponseStarting(), feature);
        return feature;
    }

    /// <summary>Runs <paramref name="next"/> with the response prepared, then restores the original body feature.</summary>
    public static async Task InvokeAsync(HttpContext httpContext, RequestDelegate next)
    {
        var feature = Install(httpContext);
        if (feature is null)
        {
            await next(httpContext);
            return;
        }

        try
        {
            await next(httpContext);
        }
        finally
        {
            feature.Uninstall();
        }
    }

    private static bool HasConditionalHeader(IHeaderDictionary headers) =>
        headers.IfNoneMatch.Count > 0
        || headers.IfModifiedSince.Count > 0
        || headers.IfMatch.Count > 0
        || headers.IfUnmodifiedSince.Count > 0;
}
