using System.Globalization;
using System.Text.Encodings.Web;
using BenchmarkDotNet.Attributes;
using Herald.Templating;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Bench.Templates;

/// <summary>
/// The products page rendered by Handlebars, by Razor components (HtmlRenderer) and by a Razor slice (a compiled
/// <c>.cshtml</c>, rendered by name through the template renderer) through Herald.Templating, against a
/// hand-written <see cref="TextWriter"/> baseline that encodes the same values: each renders to a fresh
/// <see cref="StringWriter"/> and returns the string, as Fluid's benchmark does.
/// </summary>
[MemoryDiagnoser]
public class ProductsBenchmarks
{
    private readonly Dictionary<string, object?> _parameters = new() { ["Products"] = Workload.Products };
    private readonly object _model = new { products = Workload.Products };
    private ServiceProvider _services = null!;
    private ITemplateRenderer _renderer = null!;
    private RazorComponentRenderer _razor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddTemplating(o => o
                .AddHandlebars(h =>
                {
                    h.RootPath = Path.Combine(AppContext.BaseDirectory, "templates");
                    h.WatchForChanges = false;
                    h.AddHelper("truncate", (writer, context, arguments) =>
                        writer.Write(Workload.Truncate(arguments[0]?.ToString() ?? "", Convert.ToInt32(arguments[1], CultureInfo.InvariantCulture))));
                })
                .AddRazor(r => r.MapSlice<ProductsSlice>("products-slice")))
            .BuildServiceProvider();
        _renderer = _services.GetRequiredService<ITemplateRenderer>();
        _razor = _services.GetRequiredService<RazorComponentRenderer>();
        var expected = Baseline();
        Check(expected);
        Same(nameof(Handlebars), expected, Handlebars().AsTask().GetAwaiter().GetResult());
        Same(nameof(Razor), expected, Razor().GetAwaiter().GetResult());
        Same(nameof(RazorSlice), expected, RazorSlice().AsTask().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public string Baseline()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var encoder = HtmlEncoder.Default;
        writer.Write("<ul id=\"products\">\n");
        foreach (var product in Workload.Products)
        {
            writer.Write("    <li>\n      <h2>");
            encoder.Encode(writer, product.Name);
            writer.Write("</h2>\n           Only ");
            writer.Write(product.Price.ToString(CultureInfo.InvariantCulture));
            writer.Write("\n           ");
            encoder.Encode(writer, Workload.Truncate(product.Description, 15));
            writer.Write("\n    </li>\n");
        }

        writer.Write("</ul>\n");
        return writer.ToString();
    }

    [Benchmark]
    public async ValueTask<string> Handlebars()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await _renderer.RenderAsync("products", _model, writer, CancellationToken.None);
        return writer.ToString();
    }

    [Benchmark]
    public async Task<string> Razor()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await _razor.RenderAsync<ProductsList>(_parameters, writer);
        return writer.ToString();
    }

    [Benchmark]
    public async ValueTask<string> RazorSlice()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await _renderer.RenderAsync("products-slice", Workload.Products, writer, CancellationToken.None);
        return writer.ToString();
    }

    [Benchmark]
    public async ValueTask<string> RazorSliceDirect()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await new ProductsSlice { Model = Workload.Products }.RenderAsync(writer);
        return writer.ToString();
    }

    /// <summary>The engines are only compared if they write exactly what the baseline writes, whitespace included.</summary>
    private static void Same(string engine, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var at = expected.AsSpan().CommonPrefixLength(actual);
            throw new InvalidOperationException(
                $"{engine} did not write the baseline's page: they differ at character {at} of {expected.Length}.\nExpected: {Excerpt(expected, at)}\nActual:   {Excerpt(actual, at)}");
        }
    }

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 20), Math.Min(text.Length, at + 40) - Math.Max(0, at - 20)).ReplaceLineEndings("\\n");

    private static void Check(string html)
    {
        if (!html.Contains("<h2>Name0</h2>", StringComparison.Ordinal) || !html.Contains("<h2>Name99</h2>", StringComparison.Ordinal)
            || !html.Contains("Only 99", StringComparison.Ordinal) || !html.Contains("Lorem ipsum ...", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The products page did not render as expected:\n" + html);
        }
    }
}
