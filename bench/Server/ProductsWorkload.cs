using System.Globalization;
using System.Text.Encodings.Web;

namespace Herald.Bench.Server;

/// <summary>
/// The template pair's page: Fluid's products workload (100 products, a loop with name, price and a description
/// truncated to 15 characters), rendered by Handlebars through <c>Respond.Template</c> on one side and by this
/// hand-written <see cref="TextWriter"/> code on the other, per request on both, to the same characters.
/// </summary>
public static class ProductsWorkload
{
    private const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.";

    /// <summary>The 100 products.</summary>
    public static IReadOnlyList<ListedProduct> Products { get; } =
        [.. Enumerable.Range(0, 100).Select(i => new ListedProduct("Name" + i, i, Lorem))];

    /// <summary>The model the template reads (<c>{{#each products}}</c>).</summary>
    public static object Model { get; } = new { products = Products };

    /// <summary>Liquid's <c>truncate</c>: at most <paramref name="length"/> characters, ending in <c>...</c> when cut.</summary>
    public static string Truncate(string text, int length)
    {
        const string Ellipsis = "...";
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, Math.Max(0, length - Ellipsis.Length)), Ellipsis);
    }

    /// <summary>Writes the page by hand, HTML-encoding each value as the template does.</summary>
    public static void Write(TextWriter writer)
    {
        var encoder = HtmlEncoder.Default;
        writer.Write("<ul id=\"products\">\n");
        foreach (var product in Products)
        {
            writer.Write("    <li>\n      <h2>");
            encoder.Encode(writer, product.Name);
            writer.Write("</h2>\n           Only ");
            writer.Write(product.Price.ToString(CultureInfo.InvariantCulture));
            writer.Write("\n           ");
            encoder.Encode(writer, Truncate(product.Description, 15));
            writer.Write("\n    </li>\n");
        }

        writer.Write("</ul>\n");
    }
}

/// <summary>One product of the workload.</summary>
/// <param name="Name">The name.</param>
/// <param name="Price">The price.</param>
/// <param name="Description">The description, truncated in the page.</param>
public sealed record ListedProduct(string Name, float Price, string Description);
