namespace Herald.Bench.Templates;

/// <summary>Fluid's published template benchmark workload: 100 products, a loop with name, price and a truncated description.</summary>
public static class Workload
{
    public const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum";

    public static IReadOnlyList<Product> Products { get; } = [.. Enumerable.Range(0, 100).Select(i => new Product("Name" + i, i, Lorem))];

    /// <summary>Liquid's <c>truncate</c>: at most <paramref name="length"/> characters, ending in <c>...</c> when cut.</summary>
    public static string Truncate(string text, int length)
    {
        const string Ellipsis = "...";
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, Math.Max(0, length - Ellipsis.Length)), Ellipsis);
    }
}
