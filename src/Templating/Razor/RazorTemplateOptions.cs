using Microsoft.AspNetCore.Components;

namespace Herald.Templating;

/// <summary>Configures the Razor engine: which components <c>Respond.Template(name, model)</c> can render by name.</summary>
public sealed class RazorTemplateOptions
{
    private readonly Dictionary<string, Type> _components = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the components mapped so far, by template name.</summary>
    internal IReadOnlyDictionary<string, Type> Components => _components;

    /// <summary>
    /// Maps a template name to a component, so <c>Respond.Template(name, model)</c> renders it. The model reaches the
    /// component as its <c>Model</c> parameter (<c>[Parameter] public T Model { get; set; }</c>); a model that is an
    /// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of <see cref="string"/> to <see cref="object"/> is passed as the
    /// component's parameters instead.
    /// </summary>
    /// <typeparam name="TComponent">The component, compiled at build time from a <c>.razor</c> file.</typeparam>
    /// <param name="name">The template name; the component's type name (<c>ProductsPage</c>) when <see langword="null"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when the name is empty or already mapped.</exception>
    public RazorTemplateOptions Map<TComponent>(string? name = null)
        where TComponent : IComponent
    {
        name ??= typeof(TComponent).Name;
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_components.TryAdd(name, typeof(TComponent)))
        {
            throw new ArgumentException($"The template name '{name}' is already mapped to {_components[name].FullName}. Map each name once.", nameof(name));
        }

        return this;
    }
}
