namespace WebApp.Products;

/// <summary>
/// The 100-product workload of Fluid's published template benchmark: products <c>Name0</c>..<c>Name99</c>, price = index,
/// and a lorem-ipsum description truncated to 15 characters in the page. Both /products routes render it.
/// </summary>
public static class ProductCatalog
{
    /// <summary>The description every product carries.</summary>
    public const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum";

    /// <summary>The page title; its angle brackets show that both engines escape model values.</summary>
    public const string Title = "Top 100 <products>";

    /// <summary>The 100 products.</summary>
    public static IReadOnlyList<Product> Products { get; } = [.. Enumerable.Range(0, 100).Select(i => new Product("Name" + i, i, Lorem))];

    /// <summary>
    /// Liquid's <c>truncate</c>: at most <paramref name="length"/> characters, the last three of them <c>...</c> when the
    /// text is cut (<c>"Lorem ipsum ..."</c> for 15).
    /// </summary>
    public static string Truncate(string text, int length)
    {
        const string Ellipsis = "...";
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, Math.Max(0, length - Ellipsis.Length)), Ellipsis);
    }
}
