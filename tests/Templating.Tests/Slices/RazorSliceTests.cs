using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Herald.Templating.Tests.Slices.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Slices;

public sealed class RazorSliceTests
{
    private static Task<TestApp> StartAsync(Action<WebApplication> map) =>
        TestApp.StartAsync(map, services => services.AddTemplating(o => o.AddRazor(r => r
            .MapSlice<Slices_Pages_Encoded>("encoded")
            .MapSlice<Slices_Pages_Failing>("failing")
            .MapSlice<Slices_Pages_Products>("products-slice")
            .MapSlice<Slices_Pages_Static>())));

    [Fact]
    public async Task Write_ValueWithMarkup_IsEncodedInTextAndAttributes()
    {
        var slice = new Slices_Pages_Encoded { Model = new SliceModel("<script>alert(\"x\")</script>&'") };

        var html = await slice.RenderToStringAsync();

        const string Encoded = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#x27;";
        Assert.Equal($"<p title=\"{Encoded}\" class=\"card {Encoded}\">{Encoded}</p>\n", html);
    }

    [Fact]
    public async Task WriteAttributeValue_NullOrFalseAlone_LeavesTheAttributeOut()
    {
        var slice = new Slices_Pages_Conditional { Model = new SliceModel("n", Title: null, Checked: false, Disabled: null, Count: 1234, Tag: new AngleTag(7)) };

        var html = await slice.RenderToStringAsync();

        Assert.Equal("<input /><span>1234|&lt;7&amp;&gt;|</span>\n", html);
    }

    [Fact]
    public async Task WriteAttributeValue_TrueAlone_WritesTheAttributeName()
    {
        var slice = new Slices_Pages_Conditional { Model = new SliceModel("n", Title: "a\"b", Checked: true, Disabled: true) };

        var html = await slice.RenderToStringAsync();

        Assert.Equal("<input title=\"a&quot;b\" checked=\"checked\" disabled=\"disabled\" /><span>0|&lt;0&amp;&gt;|a&quot;b</span>\n", html);
    }

    [Fact]
    public async Task Raw_TrustedHtml_IsWrittenUnencodedWhileTheSameTextElsewhereIsEncoded()
    {
        var slice = new Slices_Pages_Raw { Model = "<b>bold</b>" };

        var html = await slice.RenderToStringAsync();

        Assert.Equal("<div><b>bold</b></div><div>&lt;b&gt;bold&lt;/b&gt;</div>\n", html);
    }

    [Fact]
    public async Task RenderAsync_WholeDocument_WritesHeadBodyAndUrlsAsMarkup()
    {
        var slice = new Slices_Pages_Document { Model = "A & B" };

        var html = await slice.RenderToStringAsync();

        Assert.Equal("<!DOCTYPE html>\n<html lang=\"en\"><head><title>A &amp; B</title></head><body><a href=\"~/home\">home</a><img src=\"~/logo.png\"></body></html>\n", html);
    }

    [Fact]
    public async Task RenderPartialAsync_NestedSlices_RenderInPlace()
    {
        var slice = new Slices_Pages_Page { Model = new SliceModel("<Title>", Count: 3) };

        var html = await slice.RenderToStringAsync();

        Assert.Equal("<main><h1>&lt;Title&gt;</h1>\n<p>3</p><footer>static</footer>\n</main>\n", html);
    }

    [Fact]
    public async Task RenderAsync_ProductsWorkload_EqualsTheHandWrittenBaseline()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        await new Slices_Pages_Products { Model = Product.Workload }.RenderAsync(writer);

        Assert.Equal(Baseline(Product.Workload), writer.ToString());
    }

    [Fact]
    public async Task RenderAsync_Cancelled_ThrowsBeforeWriting()
    {
        using var writer = new StringWriter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Slices_Pages_Static().RenderAsync(writer, new CancellationToken(canceled: true)).AsTask());

        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public async Task ExecuteAsync_CalledDirectly_ThrowsSayingHowToRender()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new Slices_Pages_Static().ExecuteAsync());

        Assert.Contains("RenderAsync(writer)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_MappedSlice_RendersThroughTheRendererByNameOrFileName()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddTemplating(o => o.AddRazor(r => r.MapSlice<Slices_Pages_Encoded>("encoded").Map<Plain>()))
            .BuildServiceProvider();
        var renderer = services.GetRequiredService<ITemplateRenderer>();

        Assert.True(renderer.CanRender("encoded"));
        Assert.True(renderer.CanRender("encoded.cshtml"));
        Assert.False(renderer.CanRender("encoded.razor"));
        Assert.Equal("<p title=\"a&amp;b\" class=\"card a&amp;b\">a&amp;b</p>\n", await renderer.RenderToStringAsync("encoded.cshtml", new SliceModel("a&b")));
    }

    [Fact]
    public async Task Template_WrongModelType_ThrowsNamingBothTypes()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddTemplating(o => o.AddRazor(r => r.MapSlice<Slices_Pages_Encoded>("encoded").MapSlice<Slices_Pages_Static>("static")))
            .BuildServiceProvider();
        var renderer = services.GetRequiredService<ITemplateRenderer>();

        var wrong = await Assert.ThrowsAsync<ArgumentException>(() => renderer.RenderToStringAsync("encoded", "a string").AsTask());
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => renderer.RenderToStringAsync("encoded").AsTask());
        var unwanted = await Assert.ThrowsAsync<ArgumentException>(() => renderer.RenderToStringAsync("static", 42).AsTask());

        Assert.Contains("renders a model of type SliceModel, but was given a String", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("but was given null", missing.Message, StringComparison.Ordinal);
        Assert.Contains("takes no model, but was given a Int32", unwanted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_UnmappedName_ListsTheMappedComponentsAndSlices()
    {
        await using var services = new ServiceCollection().AddLogging()
            .AddTemplating(o => o.AddRazor(r => r.MapSlice<Slices_Pages_Encoded>("encoded").Map<Plain>()))
            .BuildServiceProvider();
        var renderer = services.GetRequiredService<ITemplateRenderer>();

        var e = await Assert.ThrowsAsync<TemplateNotFoundException>(() => renderer.RenderToStringAsync("other").AsTask());

        Assert.Equal(["Razor components and slices mapped by name (encoded, Plain)"], e.SearchedLocations);
    }

    [Fact]
    public void MapSlice_NameTakenByAComponent_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Engines.Create(o => o.AddRazor(r => r.Map<Plain>("page").MapSlice<Slices_Pages_Static>("page"))));

        Assert.Contains("'page' is already mapped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_MappedSlice_AnswersOverHttpWithEncodedHtml()
    {
        await using var app = await StartAsync(a => a.MapGet("/", () => Respond.Template("encoded", new SliceModel("<John>"))));

        using var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p title=\"&lt;John&gt;\" class=\"card &lt;John&gt;\">&lt;John&gt;</p>\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Template_ProductsSlice_AnswersOverHttpWithTheBaselinePage()
    {
        await using var app = await StartAsync(a => a.MapGet("/products", () => Respond.Template("products-slice", Product.Workload)));

        using var response = await app.Client.GetAsync("/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Baseline(Product.Workload), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Slice_Direct_AnswersOverHttpWithStatusAndETag()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapGet("/page", () => Respond.Slice<Slices_Pages_Page, SliceModel>(new SliceModel("Hi", Count: 2), statusCode: 201, etag: "\"v1\""));
            a.MapGet("/static", () => Respond.Slice<Slices_Pages_Static>());
        });

        using var page = await app.Client.GetAsync("/page");
        using var footer = await app.Client.GetAsync("/static");

        Assert.Equal(HttpStatusCode.Created, page.StatusCode);
        Assert.Equal("\"v1\"", page.Headers.ETag?.ToString());
        Assert.Equal("<main><h1>Hi</h1>\n<p>2</p><footer>static</footer>\n</main>\n", await page.Content.ReadAsStringAsync());
        Assert.Equal("<footer>static</footer>\n", await footer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Template_SliceFailingHalfway_Answers500ProblemAndNoPartialPage()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapGet("/mapped", () => Respond.Template("failing", "T"));
            a.MapGet("/direct", () => Respond.Slice<Slices_Pages_Failing, string>("T"));
        });

        foreach (var path in new[] { "/mapped", "/direct" })
        {
            using var response = await app.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("partial output", body, StringComparison.Ordinal);
            Assert.DoesNotContain("/secret/path", body, StringComparison.Ordinal);
            Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
    }

    /// <summary>The products page written by hand, as bench/Templates' baseline writes it.</summary>
    private static string Baseline(IReadOnlyList<Product> products)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var encoder = HtmlEncoder.Default;
        writer.Write("<ul id=\"products\">\n");
        foreach (var product in products)
        {
            writer.Write("    <li>\n      <h2>");
            encoder.Encode(writer, product.Name);
            writer.Write("</h2>\n           Only ");
            writer.Write(product.Price.ToString(CultureInfo.InvariantCulture));
            writer.Write("\n           ");
            encoder.Encode(writer, Product.Truncate(product.Description, 15));
            writer.Write("\n    </li>\n");
        }

        writer.Write("</ul>\n");
        return writer.ToString();
    }
}
