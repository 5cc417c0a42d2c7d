namespace Herald.Templating;

/// <summary>Creates a <typeparamref name="TSlice"/> for one render and hands it its model, through <c>new()</c>: no reflection per render.</summary>
/// <typeparam name="TSlice">The slice.</typeparam>
internal static class SliceFactory<TSlice>
    where TSlice : RazorSlice, new()
{
    /// <summary>Creates the slice and sets its model; the delegate is created once per slice type.</summary>
    public static readonly Func<object?, RazorSlice> Create = static model =>
    {
        var slice = new TSlice();
        slice.SetModel(model);
        return slice;
    };
}
