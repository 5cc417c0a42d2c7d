namespace Herald.Templating.Tests.Slices;

/// <summary>A product of the products workload (Fluid's benchmark), as bench/Templates renders it.</summary>
public sealed record Product(string Name, float Price, string Description)
{
    public const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.";

    public static IReadOnlyList<Product> Workload { get; } = [.. Enumerable.Range(0, 100).Select(i => new Product("Name" + i, i, Lorem))];

    /// <summary>Liquid's <c>truncate</c>: at most <paramref name="length"/> characters, ending in <c>...</c> when cut.</summary>
    public static string Truncate(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, Math.Max(0, length - 3)), "...");
}
