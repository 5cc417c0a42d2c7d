using Herald.Responses;

namespace Herald.Bench.Server;

/// <summary>
/// The page both HTML endpoints send: the Herald endpoint builds it with the typed builder on every request, the raw one
/// sends the same document rendered once at start-up, so the two bodies are byte for byte equal.
/// </summary>
public static class ProductPage
{
    private static readonly Product[] Products = [.. Enumerable.Range(1, 10).Select(i => Product.Sample with { Id = i, Name = $"Product #{i} <{i}>" })];

    /// <summary>Builds the page: a title, a heading and a ten-row table with encoded text.</summary>
    /// <param name="html">The document's <c>&lt;html&gt;</c> element.</param>
    public static void Build(HtmlBuilder html) => html
        .Attr("lang", "en")
        .Head(head => head.Meta(m => m.Attr("charset", "utf-8")).Title("Products"))
        .Body(body => body
            .H1("Products")
            .Table(table =>
            {
                table.Tr(tr => tr.Th("Id").Th("Name").Th("Price"));
                foreach (var product in Products)
                {
                    table.Tr(tr => tr.Td(product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Td(product.Name)
                        .Td(product.Price.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }));
}
