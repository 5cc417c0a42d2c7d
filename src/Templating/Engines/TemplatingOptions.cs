using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating;

/// <summary>
/// Configures Herald's templating: which engines render templates, and which one takes names without an extension.
/// Passed to <c>services.AddTemplating(o =&gt; o.AddHandlebars().AddRazor(r =&gt; r.Map&lt;ProductsPage&gt;("products")))</c>.
/// </summary>
public sealed class TemplatingOptions
{
    private readonly List<EngineRegistration> _engines = [];
    private readonly List<Action<IServiceCollection>> _serviceActions = [];

    /// <summary>Gets or sets the name of the engine tried first for every template (<c>"handlebars"</c>, <c>"razor"</c>, or a custom engine's name).</summary>
    /// <value>The default value is <see langword="null"/>: the first engine registered is the default.</value>
    public string? DefaultEngine { get; set; }

    /// <summary>Gets the engines registered so far, in registration order.</summary>
    internal IReadOnlyList<EngineRegistration> Engines => _engines;

    /// <summary>Gets the service registrations the built-in engines need, run by <c>AddTemplating</c>.</summary>
    internal IReadOnlyList<Action<IServiceCollection>> ServiceActions => _serviceActions;

    /// <summary>Registers a custom engine (Fluid, RazorLight, ...), created once from the application's services.</summary>
    /// <param name="factory">Creates the engine. Called once, when the renderer is first needed.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    public TemplatingOptions AddEngine(Func<IServiceProvider, ITemplateEngine> factory) => AddEngine(name: null, factory);

    /// <summary>Registers a custom engine under a name that <see cref="DefaultEngine"/> can refer to.</summary>
    /// <param name="name">The engine's name, or <see langword="null"/> for none.</param>
    /// <param name="factory">Creates the engine. Called once, when the renderer is first needed.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an engine of that name is already registered.</exception>
    public TemplatingOptions AddEngine(string? name, Func<IServiceProvider, ITemplateEngine> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (name is not null && _engines.Exists(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A template engine named '{name}' is already registered. Register each engine once.", nameof(name));
        }

        _engines.Add(new EngineRegistration(name, factory));
        return this;
    }

    /// <summary>Registers a built-in engine together with the services it needs.</summary>
    internal TemplatingOptions AddEngine(string name, Func<IServiceProvider, ITemplateEngine> factory, Action<IServiceCollection> services)
    {
        AddEngine(name, factory);
        _serviceActions.Add(services);
        return this;
    }

    /// <summary>One registered engine.</summary>
    internal sealed record EngineRegistration(string? Name, Func<IServiceProvider, ITemplateEngine> Factory);
}
