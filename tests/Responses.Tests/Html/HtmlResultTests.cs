using System.Net;
using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Html;

public sealed class HtmlResultTests
{
    [Fact]
    public async Task Html_Markup_SendsHtmlUtf8WithLength()
    {
        const string page = "<p>Grüße</p>";
        await using var app = await TestApp.StartAsync(a => a.MapGet("/h", () => Respond.Html(page)));

        using var response = await app.Client.GetAsync("/h");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(page), response.Content.Headers.ContentLength);
        Assert.Equal(page, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Html_Builder_SendsDocumentWithLength()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/html", () =>
            Respond.Html(html => html.Head(h => h.Title("Herald")).Body(b => b.H1("Hello from Herald!")))));

        using var response = await app.Client.GetAsync("/html");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(
            "<!DOCTYPE html><html><head><title>Herald</title></head><body><h1>Hello from Herald!</h1></body></html>",
            body);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Html_BuilderWithRequestData_EncodesIt()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/hi", (string name) =>
            Respond.Html(html => html.Body(b => b.P(p => p.Text("Hello, ").Strong(name)).A($"/users/{name}", "profile")))));

        using var response = await app.Client.GetAsync("/hi?name=" + Uri.EscapeDataString("<script>alert('x')</script>"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("<strong>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</strong>", body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/users/&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\">profile</a>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_LargeBuiltPage_ArrivesWhole()
    {
        const int rows = 20_000;
        await using var app = await TestApp.StartAsync(a => a.MapGet("/big", () =>
            Respond.Html(html => html.Body(b => b.Table(t => t.Tbody(tb =>
            {
                for (var i = 0; i < rows; i++)
                {
                    tb.Tr(tr => tr.Td(td => td.Text(i)).Td("naïve 😀 row"));
                }
            }))))));

        using var response = await app.Client.GetAsync("/big");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
        // Non-ASCII text stays literal in the UTF-8 page; characters outside the BMP (emoji) become references.
        Assert.StartsWith("<!DOCTYPE html><html><body><table><tbody><tr><td>0</td><td>naïve &#x1F600; row</td></tr>", body, StringComparison.Ordinal);
        Assert.EndsWith($"<tr><td>{rows - 1}</td><td>naïve &#x1F600; row</td></tr></tbody></table></body></html>", body, StringComparison.Ordinal);
        Assert.Equal(rows, body.Split("<tr>").Length - 1);
    }

    [Fact]
    public async Task Html_BuilderThrows_SendsNoHalfPage()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/broken", () =>
            Respond.Html(html => html.Body(b => b.H1("Start").Div(_ => throw new InvalidOperationException("data missing"))))));

        using var response = await app.Client.GetAsync("/broken");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("Start", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_StatusCode_IsSent()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/missing", () =>
            Respond.Html(html => html.Body(b => b.H1("Not here")), statusCode: 404)));

        using var response = await app.Client.GetAsync("/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not here</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondHtmlAsync_BothForms_ExecuteSameResult()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/markup", (HttpContext ctx) => ctx.RespondHtmlAsync("<b>bold</b>"));
            a.MapGet("/built", (HttpContext ctx) => ctx.RespondHtmlAsync(html => html.Attr("lang", "en").Body(b => b.Em("hi"))));
        });

        using var markup = await app.Client.GetAsync("/markup");
        using var built = await app.Client.GetAsync("/built");

        Assert.Equal("text/html; charset=utf-8", markup.Content.Headers.ContentType?.ToString());
        Assert.Equal("<b>bold</b>", await markup.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", built.Content.Headers.ContentType?.ToString());
        Assert.Equal("<!DOCTYPE html><html lang=\"en\"><body><em>hi</em></body></html>", await built.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/markup")]
    [InlineData("/builder")]
    public async Task Html_Head_SendsHeadersOnlyAndWritesNothing(string path)
    {
        // Kestrel drops a HEAD body on its own, so what counts is what reached the body feature, and whether the page
        // was built at all.
        var recorder = new BodyRecorder();
        var builds = 0;
        await using var app = await TestApp.StartAsync(a =>
        {
            recorder.Install(a);
            a.MapMethods("/markup", ["GET", "HEAD"], () => Respond.Html("<p>x</p>"));
            a.MapMethods("/builder", ["GET", "HEAD"], () => Respond.Html(h =>
            {
                Interlocked.Increment(ref builds);
                h.Body(b => b.P("x"));
            }));
        });

        using var get = await app.Client.GetAsync(path);
        var getRecord = await recorder.NextAsync("GET", path);
        await getRecord.Completed;
        var buildsForGet = builds;
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var headRecord = await recorder.NextAsync("HEAD", path);
        await headRecord.Completed;

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
        if (path == "/markup")
        {
            // Known up front for markup; a built page's length is only known by building it, which HEAD skips.
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        }

        Assert.True(getRecord.BytesWritten > 0);
        Assert.Equal(0, headRecord.BytesWritten);
        Assert.Equal(buildsForGet, builds);
    }

    [Fact]
    public async Task Html_Result_ExposesWhatItSendsAndDeclaresIt()
    {
        var result = Respond.Html("<p>x</p>", 201);
        Assert.Equal("<p>x</p>", result.Html);
        Assert.Equal("text/html; charset=utf-8", ((IContentTypeHttpResult)result).ContentType);
        Assert.Equal(201, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Null(Respond.Html(_ => { }).Html);

        await using var app = await TestApp.StartAsync(a => a.MapGet("/h", () => Respond.Html(_ => { })));
        var produces = Assert.Single(EndpointMetadata.Produces(app, "/h"));
        Assert.Equal(["text/html"], produces.ContentTypes);
    }

    [Fact]
    public void Html_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("html", () => Respond.Html((string)null!));
        Assert.Throws<ArgumentNullException>("build", () => Respond.Html((Action<HtmlBuilder>)null!));
    }

    [Fact]
    public void Html_StatusWithoutBody_Throws()
    {
        Assert.Throws<ArgumentException>("statusCode", () => Respond.Html("<p/>", 304));
        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => Respond.Html(_ => { }, 42));
    }
}
