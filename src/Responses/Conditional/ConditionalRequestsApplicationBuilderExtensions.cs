using Herald.Responses.Conditional;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the conditional-requests middleware to an application's pipeline.</summary>
public static class ConditionalRequestsApplicationBuilderExtensions
{
    /// <summary>
    /// Makes every endpoint after this point answer conditional GET and HEAD requests from its response's
    /// <c>ETag</c> and <c>Last-Modified</c> headers (304 / 412), as
    /// <see cref="ConditionalRequestsConventionBuilderExtensions.WithConditionalRequests{TBuilder}"/> does for
    /// selected endpoints. Useful for endpoints that do not run endpoint filters, such as MVC controllers.
    /// </summary>
    /// <param name="app">The application's pipeline builder.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="app"/> is <see langword="null"/>.</exception>
    public static IApplicationBuilder UseConditionalRequests(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static next => context => ConditionalRequests.InvokeAsync(context, next));
    }
}
