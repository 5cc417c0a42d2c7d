namespace Herald.Templating.Razor;

/// <summary>Renders mapped Razor components by template name (<c>products</c>, or <c>products.razor</c>).</summary>
internal sealed class RazorTemplateEngine : ITemplateEngine
{
    private const string Extension = ".razor";
    private readonly Dictionary<string, Type> _components;
    private readonly RazorComponentRenderer _renderer;

    public RazorTemplateEngine(IReadOnlyDictionary<string, Type> components, RazorComponentRenderer renderer)
    {
        _components = new Dictionary<string, Type>(components, StringComparer.OrdinalIgnoreCase);
        _renderer = renderer;
    }

    public bool CanRender(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Find(name) is not null;
    }

    public async ValueTask RenderAsync(string name, object? model, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(writer);
        var component = Find(name) ?? throw new TemplateNotFoundException(
            name,
            [_components.Count == 0
                ? "Razor: no component is mapped (map one with o.AddRazor(r => r.Map<MyPage>(\"name\")))"
                : $"Razor components mapped by name ({string.Join(", ", _components.Keys.Order(StringComparer.OrdinalIgnoreCase))})"]);

        var parameters = model switch
        {
            null => null,
            IReadOnlyDictionary<string, object?> dictionary => dictionary,
            _ => new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["Model"] = model },
        };
        await _renderer.RenderAsync(component, parameters, writer, cancellationToken);
    }

    private Type? Find(string name)
    {
        if (_components.TryGetValue(name, out var type))
        {
            return type;
        }

        return name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && _components.TryGetValue(name[..^Extension.Length], out type) ? type : null;
    }
}
