using System.Globalization;
using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Html;

/// <summary>Serves each builder case at <c>/case/{name}</c>, so every case is rendered and read over HTTP.</summary>
public sealed class HtmlBuilderApp : IAsyncLifetime
{
    public static readonly Dictionary<string, Action<HtmlBuilder>> Cases = new()
    {
        ["ktor"] = html => html.Head(h => h.Title("Herald")).Body(b => b.H1("Hello from Herald!")),
        ["head"] = html => html.Attr("lang", "en").Head(h => h
            .Meta(m => m.Attr("charset", "utf-8"))
            .Meta("viewport", "width=device-width")
            .Title("A & B")
            .Link("stylesheet", "/site.css")
            .Style("body { color: #333 } a > b { margin: 0 }")
            .Script("/app.js")
            .Script(s => s.Attr("type", "module").Raw("if (a < b && c) { go(); }"))),
        ["structure"] = html => html.Body(b => b
            .Header(h => h.Nav(n => n.A("/", "Home").A("/about?x=1&y=2", "About")))
            .Main(m => m.Section(s => s.Article(a => a.H2("Title").P("Para").Pre(p => p.Code("x < y")))))
            .Footer("© 2025")),
        ["headings"] = html => html.Body(b => b.H1("1").H2("2").H3("3").H4("4").H5("5").H6("6")),
        ["lists"] = html => html.Body(b => b
            .Ul(u => u.Li("one").Li(l => l.Em("two")))
            .Ol(o => o.Class("steps").Li("first"))),
        ["table"] = html => html.Body(b => b.Table(t => t
            .Thead(h => h.Tr(r => r.Th("Name").Th("Price")))
            .Tbody(tb => tb.Tr(r => r.Td("Tea").Td(d => d.Text(3.5m, "0.00")))))),
        ["form"] = html => html.Body(b => b.Form(f => f
            .Attr("method", "post").Attr("action", "/login")
            .Label(l => l.Attr("for", "user").Text("User"))
            .Input("text", "user", "o'neil \"jr\"")
            .Input(i => i.Attr("type", "checkbox").Attr("name", "remember").Attr("checked"))
            .Select(s => s.Attr("name", "size").Option("s", "Small").Option("m", "Medium", selected: true).Option("Large"))
            .Textarea("</textarea><script>")
            .Button(x => x.Attr("type", "submit").Text("Log in")))),
        ["void"] = html => html.Body(b => b.P(p => p.Text("a").Br().Text("b")).Hr().Img("/logo.png", "Logo \"H\"")),
        ["attributes"] = html => html.Body(b => b
            .Div(d => d.Id("main").Class("card wide").Attr("data-user", "<b>&\"'").Attr("hidden").Attr("title", null).Span("x"))
            .Span(s => s.Attr("aria-label", "close").Attr("hx-get", "/items?page=2&size=10").Attr("@click", "open = true"))),
        ["raw"] = html => html.Body(b => b.Div(d => d.Raw("<svg><circle r=\"1\"/></svg>")).P(p => p.Text("<svg>"))),
        ["custom"] = html => html.Body(b => b
            .Element("details", d => d.Attr("open").Element("summary", "More"))
            .Element("my-widget", "text")
            .Element("wbr", w => { })
            .Element("source", s => s.Attr("src", "a.mp4"))),
        ["numbers"] = html =>
        {
            // A culture that writes 1.234,5 and dd.MM.yyyy: invariant output must not depend on the request's culture.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            html.Body(b => b.P(p => p.Text(1234.5).Text(" ").Text(-7).Text(" ").Text(new DateTime(2025, 1, 2), "d")));
        },
        ["empty"] = _ => { },
    };

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartAsync(a => a.MapGet("/case/{name}", (string name) => Respond.Html(Cases[name])));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class HtmlBuilderTests(HtmlBuilderApp fixture) : IClassFixture<HtmlBuilderApp>
{
    private async Task<string> RenderAsync(string name)
    {
        using var response = await fixture.App.Client.GetAsync($"/case/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html><html", body, StringComparison.Ordinal);
        Assert.EndsWith("</html>", body, StringComparison.Ordinal);
        return body;
    }

    [Fact]
    public async Task Builder_KtorExample_MatchesSpec() =>
        Assert.Equal(
            "<!DOCTYPE html><html><head><title>Herald</title></head><body><h1>Hello from Herald!</h1></body></html>",
            await RenderAsync("ktor"));

    [Fact]
    public async Task Builder_HeadElements_WriteVoidAndRawTextCorrectly() =>
        Assert.Equal(
            "<!DOCTYPE html><html lang=\"en\"><head>" +
            "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            "<title>A &amp; B</title>" +
            "<link rel=\"stylesheet\" href=\"/site.css\">" +
            "<style>body { color: #333 } a > b { margin: 0 }</style>" +
            "<script src=\"/app.js\"></script>" +
            "<script type=\"module\">if (a < b && c) { go(); }</script>" +
            "</head></html>",
            await RenderAsync("head"));

    [Fact]
    public async Task Builder_SectioningElements_Nest() =>
        Assert.Equal(
            "<!DOCTYPE html><html><body>" +
            "<header><nav><a href=\"/\">Home</a><a href=\"/about?x=1&amp;y=2\">About</a></nav></header>" +
            "<main><section><article><h2>Title</h2><p>Para</p><pre><code>x &lt; y</code></pre></article></section></main>" +
            "<footer>© 2025</footer>" +
            "</body></html>",
            await RenderAsync("structure"));

    [Fact]
    public async Task Builder_Headings_AllSixLevels() =>
        Assert.Contains("<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>", await RenderAsync("headings"), StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Lists_WriteItems() =>
        Assert.Contains(
            "<ul><li>one</li><li><em>two</em></li></ul><ol class=\"steps\"><li>first</li></ol>",
            await RenderAsync("lists"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Table_WritesRowsAndFormattedCells() =>
        Assert.Contains(
            "<table><thead><tr><th>Name</th><th>Price</th></tr></thead><tbody><tr><td>Tea</td><td>3.50</td></tr></tbody></table>",
            await RenderAsync("table"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Form_EncodesValuesAndWritesControls() =>
        Assert.Equal(
            "<!DOCTYPE html><html><body><form method=\"post\" action=\"/login\">" +
            "<label for=\"user\">User</label>" +
            "<input type=\"text\" name=\"user\" value=\"o&#x27;neil &quot;jr&quot;\">" +
            "<input type=\"checkbox\" name=\"remember\" checked>" +
            "<select name=\"size\"><option value=\"s\">Small</option><option value=\"m\" selected>Medium</option><option>Large</option></select>" +
            "<textarea>&lt;/textarea&gt;&lt;script&gt;</textarea>" +
            "<button type=\"submit\">Log in</button>" +
            "</form></body></html>",
            await RenderAsync("form"));

    [Fact]
    public async Task Builder_VoidElements_HaveNoEndTag()
    {
        var body = await RenderAsync("void");

        Assert.Contains("<p>a<br>b</p><hr><img src=\"/logo.png\" alt=\"Logo &quot;H&quot;\">", body, StringComparison.Ordinal);
        Assert.DoesNotContain("</br>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("</img>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builder_Attributes_EncodedBooleanAndNullSkipped() =>
        Assert.Contains(
            "<div id=\"main\" class=\"card wide\" data-user=\"&lt;b&gt;&amp;&quot;&#x27;\" hidden><span>x</span></div>" +
            "<span aria-label=\"close\" hx-get=\"/items?page=2&amp;size=10\" @click=\"open = true\"></span>",
            await RenderAsync("attributes"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Raw_IsWrittenAsIsWhileTextIsEncoded() =>
        Assert.Contains(
            "<div><svg><circle r=\"1\"/></svg></div><p>&lt;svg&gt;</p>",
            await RenderAsync("raw"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Builder_CustomElements_KnowVoidNames() =>
        Assert.Contains(
            "<details open><summary>More</summary></details><my-widget>text</my-widget><wbr><source src=\"a.mp4\">",
            await RenderAsync("custom"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Numbers_FormattedInvariantly() =>
        Assert.Contains("<p>1234.5 -7 01/02/2025</p>", await RenderAsync("numbers"), StringComparison.Ordinal);

    [Fact]
    public async Task Builder_Empty_WritesDocumentShell() =>
        Assert.Equal("<!DOCTYPE html><html></html>", await RenderAsync("empty"));

    [Theory]
    [InlineData("")]
    [InlineData("1div")]
    [InlineData("di v")]
    [InlineData("div>")]
    [InlineData("script\n")]
    [InlineData("a\"b")]
    public void Element_InvalidName_ThrowsArgumentException(string name)
    {
        var e = Assert.Throws<ArgumentException>("name", () => HtmlBuilder.RenderDocument(h => h.Body(b => b.Element(name, "x"))));
        Assert.Contains("element name", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("on click")]
    [InlineData("a=b")]
    [InlineData("x\"onmouseover")]
    [InlineData("x'y")]
    [InlineData("a>")]
    [InlineData("a/")]
    [InlineData("a\0")]
    [InlineData("a\r\nb")]
    public void Attr_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>("name", () => HtmlBuilder.RenderDocument(h => h.Body(b => b.Div(d => d.Attr(name, "v")))));
        Assert.Throws<ArgumentException>("name", () => HtmlBuilder.RenderDocument(h => h.Body(b => b.Div(d => d.Attr(name)))));
    }

    [Fact]
    public void Attr_AfterContent_ThrowsInvalidOperationNamingElement()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HtmlBuilder.RenderDocument(h => h.Body(b => b.Div(d => d.P("x").Id("late")))));
        Assert.Contains("<div>", e.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_InsideVoidElement_ThrowsInvalidOperation()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HtmlBuilder.RenderDocument(h => h.Body(b => b.Img(i => i.Text("caption")))));
        Assert.Contains("<img> is a void element", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => HtmlBuilder.RenderDocument(h => h.Body(b => b.Input(i => i.Span("x")))));
    }

    [Fact]
    public void Text_InsideScript_ThrowsPointingToRaw()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HtmlBuilder.RenderDocument(h => h.Body(b => b.Script(s => s.Text("a < b")))));
        Assert.Contains("Raw(", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Style_ContainingEndTag_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("css", () => HtmlBuilder.RenderDocument(h => h.Head(x => x.Style("a{}</STYLE><script>alert(1)</script>"))));

    [Fact]
    public void WriteDocument_WritesToAnyTextWriter()
    {
        using var writer = new StringWriter();

        HtmlBuilder.WriteDocument(writer, h => h.Body(b => b.P("e-mail")));

        Assert.Equal("<!DOCTYPE html><html><body><p>e-mail</p></body></html>", writer.ToString());
    }

    [Fact]
    public void WriteDocument_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("writer", () => HtmlBuilder.WriteDocument(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("build", () => HtmlBuilder.RenderDocument(null!));
        Assert.Throws<ArgumentNullException>("content", () => HtmlBuilder.RenderDocument(h => h.Div((Action<HtmlBuilder>)null!)));
    }
}
