using System.Reflection;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Responses;

/// <summary>
/// A redirect: 302 Found, 301 Moved Permanently, 307 Temporary Redirect or 308 Permanent Redirect (Ktor's
/// <c>respondRedirect</c>). Created by <see cref="Respond.Redirect"/> and <see cref="Respond.LocalRedirect"/>.
/// </summary>
public sealed class RedirectResult : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly string _location;
    private readonly bool _isLocal;

    internal RedirectResult(string url, string location, bool permanent, bool preserveMethod, bool acceptLocalUrlOnly, bool isLocal)
    {
        Url = url;
        _location = location;
        Permanent = permanent;
        PreserveMethod = preserveMethod;
        AcceptLocalUrlOnly = acceptLocalUrlOnly;
        _isLocal = isLocal;
        StatusCode = (permanent, preserveMethod) switch
        {
            (false, false) => StatusCodes.Status302Found,
            (true, false) => StatusCodes.Status301MovedPermanently,
            (false, true) => StatusCodes.Status307TemporaryRedirect,
            (true, true) => StatusCodes.Status308PermanentRedirect,
        };
    }

    /// <summary>Gets the target as it was given (before percent-encoding).</summary>
    public string Url { get; }

    /// <summary>Gets a value indicating whether the redirect is permanent (301 / 308).</summary>
    public bool Permanent { get; }

    /// <summary>Gets a value indicating whether the client must repeat the request's method and body (307 / 308).</summary>
    public bool PreserveMethod { get; }

    /// <summary>Gets a value indicating whether only a local target (a path on this site) is accepted.</summary>
    public bool AcceptLocalUrlOnly { get; }

    /// <summary>Gets the status code sent for an accepted target: 302, 301, 307 or 308.</summary>
    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>
    /// Sends the redirect. A local-only redirect whose target is off-site, absolute or protocol-relative answers
    /// 400 with a problem-details body instead.
    /// </summary>
    /// <param name="httpContext">The request's context.</param>
    /// <returns>A task that completes when the response has been written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the response has already started.</exception>
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (AcceptLocalUrlOnly && !_isLocal)
        {
            ResponseGuard.EnsureNotStarted(httpContext, "a redirect");
            // An off-site target usually comes from the request (?returnUrl=//evil.example): that is the client's
            // mistake or an open-redirect attempt, so it gets a 400 it can read, not a server error.
            return ResultWriter.WriteProblemAsync(httpContext, new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The redirect target is not local",
                Detail = "The redirect target must be a path on this site, such as '/orders/42'. Absolute URLs, protocol-relative targets ('//host', '/\\host'), empty targets and control characters are refused.",
            });
        }

        ResultWriter.WriteHead(httpContext, "a redirect", StatusCode, contentType: null, contentLength: null, etag: null, lastModified: null);
        httpContext.Response.Headers.Location = _location.StartsWith("~/", StringComparison.Ordinal)
            ? httpContext.Request.PathBase.ToUriComponent() + _location[1..]
            : _location;
        return Task.CompletedTask;
    }

    /// <summary>Declares that the endpoint produces <c>302 Found</c>, the default redirect.</summary>
    /// <param name="method">The endpoint's handler method.</param>
    /// <param name="builder">The endpoint builder to add metadata to.</param>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status302Found));
    }
}
