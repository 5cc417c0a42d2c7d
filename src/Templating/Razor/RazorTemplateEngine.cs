namespace Herald.Templating.Razor;

/// <summary>
/// Renders mapped Razor components (<c>products</c>, or <c>products.razor</c>) and Razor slices (<c>products</c>, or
/// <c>products.cshtml</c>) by template name.
/// </summary>
internal sealed class RazorTemplateEngine : ITemplateEngine
{
    private const string ComponentExtension = ".razor";
    private const string SliceExtension = ".cshtml";
    private readonly Dictionary<string, Type> _components;
    private readonly Dictionary<string, Func<object?, RazorSlice>> _slices;
    private readonly RazorComponentRenderer _renderer;

    public RazorTemplateEngine(RazorTemplateOptions options, RazorComponentRenderer renderer)
    {
        _components = new Dictionary<string, Type>(options.Components, StringComparer.OrdinalIgnoreCase);
        _slices = options.Slices.ToDictionary(s => s.Key, s => s.Value.Create, StringComparer.OrdinalIgnoreCase);
        _renderer = renderer;
    }

    public bool CanRender(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FindSlice(name) is not null || FindComponent(name) is not null;
    }

    public async ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writer);
        if (FindSlice(name) is { } slice)
        {
            await slice(model).RenderAsync(writer, cancellationToken);
            return;
        }

        var component = FindComponent(name) ?? throw new TemplateNotFoundException(
            name,
            [_components.Count == 0 && _slices.Count == 0
                ? "Razor: nothing is mapped (map a component with o.AddRazor(r => r.Map<MyPage>(\"name\")) or a slice with r.MapSlice<MySlice>(\"name\"))"
                : $"Razor {Mapped()} mapped by name ({string.Join(", ", _components.Keys.Concat(_slices.Keys).Order(StringComparer.OrdinalIgnoreCase))})"]);

        var parameters = model switch
        {
            null => null,
            IReadOnlyDictionary<string, object?> dictionary => dictionary,
            _ => new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["Model"] = model },
        };
        await _renderer.RenderAsync(component, parameters, writer, cancellationToken);
    }

    private string Mapped() => (_components.Count, _slices.Count) switch
    {
        (_, 0) => "components",
        (0, _) => "slices",
        _ => "components and slices",
    };

    private Type? FindComponent(string name) => Find(_components, name, ComponentExtension);

    private Func<object?, RazorSlice>? FindSlice(string name) => Find(_slices, name, SliceExtension);

    private static T? Find<T>(Dictionary<string, T> mapped, string name, string extension)
        where T : class
    {
        if (mapped.TryGetValue(name, out var found))
        {
            return found;
        }

        return name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && mapped.TryGetValue(name[..^extension.Length], out found) ? found : null;
    }
}
