using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Herald.Templating;

/// <summary>Renders a component inside its <c>@layout</c> through the framework's <see cref="LayoutView"/>.</summary>
internal sealed class LayoutHost : IComponent
{
    private RenderHandle _handle;

    /// <summary>Gets or sets the layout type (a <see cref="LayoutComponentBase"/>).</summary>
    [Parameter]
    public Type? Layout { get; set; }

    /// <summary>Gets or sets the page component's type.</summary>
    [Parameter]
    public Type? ComponentType { get; set; }

    /// <summary>Gets or sets the page component's parameters.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? Parameters { get; set; }

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        _handle.Render(BuildRenderTree);
        return Task.CompletedTask;
    }

    private void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), Layout);
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), (RenderFragment)RenderPage);
        builder.CloseComponent();
    }

    private void RenderPage(RenderTreeBuilder builder)
    {
        builder.OpenComponent(0, ComponentType!);
        if (Parameters is not null)
        {
            foreach (var (name, value) in Parameters)
            {
                builder.AddComponentParameter(1, name, value);
            }
        }

        builder.CloseComponent();
    }
}
