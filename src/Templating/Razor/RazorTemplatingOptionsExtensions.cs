using Herald.Templating.Razor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Templating;

/// <summary>Adds the Razor engine to <see cref="TemplatingOptions"/>.</summary>
public static class RazorTemplatingOptionsExtensions
{
    /// <summary>The engine's name, for <see cref="TemplatingOptions.DefaultEngine"/>.</summary>
    public const string EngineName = "razor";

    /// <summary>
    /// Adds Razor components rendered with the framework's <c>HtmlRenderer</c>: registers <see cref="RazorComponentRenderer"/>
    /// (for <c>Respond.Razor&lt;T&gt;</c> and e-mails) and renders the components and slices (<see cref="RazorSlice"/>,
    /// compiled <c>.cshtml</c> files) mapped in <paramref name="configure"/> by name.
    /// </summary>
    /// <param name="options">The templating options.</param>
    /// <param name="configure">Maps template names to components and slices; may be <see langword="null"/>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when Razor is added twice.</exception>
    public static TemplatingOptions AddRazor(this TemplatingOptions options, Action<RazorTemplateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var razor = new RazorTemplateOptions();
        configure?.Invoke(razor);
        return options.AddEngine(
            EngineName,
            sp => new RazorTemplateEngine(razor, sp.GetRequiredService<RazorComponentRenderer>()),
            static services =>
            {
                // Components rendered during a request resolve scoped services from that request's scope, found through
                // the accessor when the call (an ITemplateEngine render) does not carry the HttpContext.
                services.AddHttpContextAccessor();
                services.TryAddSingleton(static sp => new RazorComponentRenderer(
                    sp.GetRequiredService<IServiceScopeFactory>(),
                    sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                    sp.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()));
            });
    }
}
