using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Herald.Responses.Negotiation;

/// <summary>
/// Gives routing's own 415 a problem-details body for Herald's endpoints.
/// </summary>
/// <remarks>
/// Routing reads the same <c>IAcceptsMetadata</c> that OpenAPI documents, and turns away a request whose
/// <c>Content-Type</c> is not listed with a bare 415 before parameter binding runs. Declaring <c>*/*</c> would keep
/// routing out of the way but document a lie, so the metadata stays exact and this responder, run by the middleware
/// <c>AddContentNegotiation</c> installs, writes the body afterwards: it finds the Herald endpoint the request was
/// aimed at (same method, matching route) and lists what it accepts. Endpoints that are not Herald's keep the
/// framework's behaviour.
/// </remarks>
internal static class UnsupportedMediaTypeResponder
{
    // The display name of the endpoint routing substitutes when it rejects a Content-Type (AcceptsMatcherPolicy).
    private const string RoutingRejectionDisplayName = "415 HTTP Unsupported Media Type";

    public static bool IsRoutingRejection(HttpContext httpContext) =>
        httpContext.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType
        && !httpContext.Response.HasStarted
        && httpContext.GetEndpoint()?.DisplayName == RoutingRejectionDisplayName;

    public static Task WriteAsync(HttpContext httpContext)
    {
        var target = Find(httpContext);
        if (target is null)
        {
            return Task.CompletedTask;
        }

        var contentType = httpContext.Request.ContentType;
        var exception = new ContentReceiveException(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported Media Type",
            $"The Content-Type '{contentType}' is not accepted here. Send the body as one of: {string.Join(", ", target.ContentTypes)}.")
        {
            AcceptedMediaTypes = target.ContentTypes,
        };
        return NegotiationProblems.WriteAsync(httpContext, exception.ToProblemDetails());
    }

    private static NegotiatedAcceptsMetadata? Find(HttpContext httpContext)
    {
        var routes = Routes(httpContext);
        var method = httpContext.Request.Method;
        var path = httpContext.Request.Path;
        foreach (var route in routes)
        {
            if ((route.Methods is null || route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
                && route.Matcher.TryMatch(path, new RouteValueDictionary()))
            {
                return route.Accepts;
            }
        }

        return null;
    }

    /// <summary>Herald's body-accepting routes, gathered once per application (this only runs on the 415 path).</summary>
    private static HeraldRoute[] Routes(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var negotiator = ContentNegotiator.From(httpContext);
        if (negotiator.Routes is { } cached)
        {
            return cached;
        }

        var routes = new List<HeraldRoute>();
        if (services.GetService(typeof(EndpointDataSource)) is EndpointDataSource dataSource)
        {
            foreach (var endpoint in dataSource.Endpoints)
            {
                if (endpoint is RouteEndpoint route && route.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is NegotiatedAcceptsMetadata accepts)
                {
                    var methods = route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
                    routes.Add(new HeraldRoute(new TemplateMatcher(new RouteTemplate(route.RoutePattern), new RouteValueDictionary()), methods, accepts));
                }
            }
        }

        negotiator.Routes = [.. routes];
        return negotiator.Routes;
    }

    internal sealed record HeraldRoute(TemplateMatcher Matcher, IReadOnlyList<string>? Methods, NegotiatedAcceptsMetadata Accepts);
}
