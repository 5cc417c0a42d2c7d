using Herald.Responses.Conditional;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds conditional-request handling (304 / 412 from <c>ETag</c> and <c>Last-Modified</c>) to endpoints.</summary>
public static class ConditionalRequestsConventionBuilderExtensions
{
    /// <summary>
    /// Makes the endpoints answer conditional GET and HEAD requests for any response whose headers carry <c>ETag</c>
    /// and/or <c>Last-Modified</c>, whatever produced it (<c>Results.Text</c>, bytes, a streamed body, ...): Ktor's
    /// <c>ConditionalHeaders</c> plugin. <c>If-None-Match</c> / <c>If-Modified-Since</c> that hold answer 304 without a
    /// body; <c>If-Match</c> / <c>If-Unmodified-Since</c> that fail answer 412. Responses other than 2xx pass unchanged.
    /// </summary>
    /// <remarks>
    /// Works on a single endpoint (<see cref="RouteHandlerBuilder"/>), a group (<see cref="RouteGroupBuilder"/>), and any
    /// other <see cref="IEndpointConventionBuilder"/> whose endpoints run endpoint filters. Other methods than GET and
    /// HEAD are left alone: their endpoint has already acted by the time its response headers are known, so it must
    /// check <c>If-Match</c> itself. For endpoints without filter support (MVC controllers), use
    /// <see cref="ConditionalRequestsApplicationBuilderExtensions.UseConditionalRequests"/>.
    /// </remarks>
    /// <example>
    /// <code>
    /// app.MapGet("/etag", (HttpContext ctx) =>
    /// {
    ///     ctx.Response.Headers.ETag = "\"7c876b7e\"";
    ///     return Results.Text("Hello");
    /// }).WithConditionalRequests();
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The endpoint convention builder's type.</typeparam>
    /// <param name="builder">The endpoint, or group of endpoints, to apply to.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="builder"/> is <see langword="null"/>.</exception>
    public static TBuilder WithConditionalRequests<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The filter does not uninstall its body wrapper when it returns: a returned IResult executes after the
        // filter pipeline, and its writes must still pass through the wrapper. The wrapper lives for this request only.
        builder.AddEndpointFilter(static (context, next) =>
        {
            ConditionalRequests.Install(context.HttpContext);
            return next(context);
        });
        return builder;
    }
}
