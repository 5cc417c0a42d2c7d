using Herald.Templating;
using Herald.Templating.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Herald's template engines.</summary>
public static class TemplatingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engines configured in <paramref name="configure"/> and an <see cref="ITemplateRenderer"/> that picks
    /// between them, for <c>Respond.Template</c>, <c>HttpContext.RespondTemplateAsync</c>, template negotiation and
    /// rendering outside a request.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddTemplating(o =&gt; o
    ///     .AddHandlebars(h =&gt; h.AddHelper("upper", (writer, context, args) =&gt; writer.WriteSafeString(args[0]?.ToString()?.ToUpperInvariant())))
    ///     .AddRazor(r =&gt; r.Map&lt;ProductsPage&gt;("products")));
    /// </code>
    /// </example>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Adds engines and sets the default.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no engine is added, when <see cref="TemplatingOptions.DefaultEngine"/> names none of them, or when templating is registered twice.</exception>
    public static IServiceCollection AddTemplating(this IServiceCollection services, Action<TemplatingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(ITemplateRenderer)))
        {
            throw new InvalidOperationException("AddTemplating has already been called. Configure every engine in one AddTemplating(o => ...) call.");
        }

        var options = new TemplatingOptions();
        configure(options);
        var engines = options.Engines;
        if (engines.Count == 0)
        {
            throw new InvalidOperationException("AddTemplating was called without an engine. Add one: services.AddTemplating(o => o.AddHandlebars()) or o.AddRazor(...).");
        }

        var defaultIndex = 0;
        if (options.DefaultEngine is { } defaultName)
        {
            defaultIndex = engines.ToList().FindIndex(e => string.Equals(e.Name, defaultName, StringComparison.OrdinalIgnoreCase));
            if (defaultIndex < 0)
            {
                throw new InvalidOperationException(
                    $"DefaultEngine is '{defaultName}', but no engine of that name is registered. Registered: {string.Join(", ", engines.Select(e => e.Name ?? "(unnamed)"))}.");
            }
        }

        var ordered = new List<TemplatingOptions.EngineRegistration> { engines[defaultIndex] };
        ordered.AddRange(engines.Where((_, i) => i != defaultIndex));
        var registrations = ordered.ToArray();

        // Each Add* call registers the services its engine needs (a Razor renderer, options); the renderer creates the
        // engines once, from the application's services.
        foreach (var action in options.ServiceActions)
        {
            action(services);
        }

        services.TryAddSingleton<ITemplateRenderer>(sp => new TemplateRenderer([.. registrations.Select(r => r.Factory(sp))]));
        return services;
    }
}
