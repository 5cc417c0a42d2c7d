namespace Herald.Templating;

/// <summary>
/// Creates a <typeparamref name="TSlice"/> for <c>Respond.Slice&lt;TSlice, TModel&gt;(model)</c>, whose model the compiler has
/// already checked: it is assigned as it is, <see langword="null"/> included when <typeparamref name="TModel"/> allows it.
/// </summary>
/// <typeparam name="TSlice">The slice.</typeparam>
/// <typeparam name="TModel">The slice's model type.</typeparam>
internal static class TypedSliceFactory<TSlice, TModel>
    where TSlice : RazorSlice<TModel>, new()
{
    /// <summary>Creates the slice and sets its model; the delegate is created once per slice type.</summary>
    public static readonly Func<object?, RazorSlice> Create = static model => new TSlice { Model = (TModel)model! };
}
