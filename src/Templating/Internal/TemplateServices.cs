using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Internal;

/// <summary>Finds the application's renderer, or explains how to register one.</summary>
internal static class TemplateServices
{
    public static ITemplateRenderer Renderer(HttpContext httpContext) =>
        httpContext.RequestServices.GetService<ITemplateRenderer>() ?? throw new InvalidOperationException(
            "Templating is not configured. Register it at startup: builder.Services.AddTemplating(o => o.AddHandlebars()) (or .AddRazor(...)).");
}
