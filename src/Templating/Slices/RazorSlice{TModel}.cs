namespace Herald.Templating;

/// <summary>
/// The base of a Razor slice with a typed model: <c>@inherits Herald.Templating.RazorSlice&lt;TModel&gt;</c> in
/// <c>_ViewImports.cshtml</c> and <c>@model Product</c> in the slice, whose markup then reads <c>@Model.Name</c>.
/// </summary>
/// <typeparam name="TModel">The model's type.</typeparam>
public abstract class RazorSlice<TModel> : RazorSlice
{
    /// <summary>Gets or sets the model the slice renders.</summary>
    /// <value>Set before rendering; <see langword="default"/> until then.</value>
    public TModel Model { get; set; } = default!;

    /// <summary>
    /// Sets <see cref="Model"/> from an untyped model (<c>Respond.Template(name, model)</c>), checking its type. A
    /// <see langword="null"/> model is refused unless <typeparamref name="TModel"/> is a nullable value type: the slice's
    /// <c>@model</c> cannot say whether it expects one, and a slice reading <c>@Model.Name</c> would fail halfway.
    /// </summary>
    internal override void SetModel(object? model)
    {
        switch (model)
        {
            case TModel typed:
                Model = typed;
                return;
            case null when typeof(TModel).IsValueType && default(TModel) is null:
                Model = default!;
                return;
            default:
                throw new ArgumentException(
                    $"The slice {GetType().Name} renders a model of type {typeof(TModel).Name}, but was given {(model is null ? "null" : "a " + model.GetType().Name)}. Pass a {typeof(TModel).Name}.",
                    nameof(model));
        }
    }
}
