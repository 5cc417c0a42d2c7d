using Microsoft.AspNetCore.Components;

namespace Herald.Templating;

/// <summary>Configures the Razor engine: which components and slices <c>Respond.Template(name, model)</c> can render by name.</summary>
public sealed class RazorTemplateOptions
{
    private readonly Dictionary<string, Type> _components = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Type Type, Func<object?, RazorSlice> Create)> _slices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the components mapped so far, by template name.</summary>
    internal IReadOnlyDictionary<string, Type> Components => _components;

    /// <summary>Gets the slices mapped so far, by template name.</summary>
    internal IReadOnlyDictionary<string, (Type Type, Func<object?, RazorSlice> Create)> Slices => _slices;

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
        EnsureUnmapped(name);
        _components.Add(name, typeof(TComponent));
        return this;
    }

    /// <summary>
    /// Maps a template name to a Razor slice (a <c>.cshtml</c> file deriving from <see cref="RazorSlice"/>), so
    /// <c>Respond.Template(name, model)</c> renders it: the lean path, writing straight to the response buffer without the
    /// component renderer. The model becomes the slice's <see cref="RazorSlice{TModel}.Model"/>; a model of another type is
    /// refused with an error naming both types.
    /// </summary>
    /// <typeparam name="TSlice">The slice's generated class (<c>Slices/Products.cshtml</c> compiles to <c>Slices_Products</c>).</typeparam>
    /// <param name="name">The template name; the slice's class name when <see langword="null"/>.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when the name is empty or already mapped.</exception>
    public RazorTemplateOptions MapSlice<TSlice>(string? name = null)
        where TSlice : RazorSlice, new()
    {
        name ??= typeof(TSlice).Name;
        ArgumentException.ThrowIfNullOrEmpty(name);
        EnsureUnmapped(name);
        _slices.Add(name, (typeof(TSlice), SliceFactory<TSlice>.Create));
        return this;
    }

    private void EnsureUnmapped(string name)
    {
        var existing = _components.TryGetValue(name, out var component) ? component
            : _slices.TryGetValue(name, out var slice) ? slice.Type
            : null;
        if (existing is not null)
        {
            throw new ArgumentException($"The template name '{name}' is already mapped to {existing.FullName}. Map each name once.", nameof(name));
        }
    }
}
