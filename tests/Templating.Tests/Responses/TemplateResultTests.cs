using System.Net;
using System.Text.Json;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Responses;

public sealed class TemplateResultTests
{
    private static Task<TestApp> StartAsync(TemplateFolder folder, Action<WebApplication> map, Action<HandlebarsTemplateOptions>? handlebars = null) =>
        TestApp.StartAsync(map, services => services.AddTemplating(o => o
            .AddHandlebars(h =>
            {
                h.RootPath = folder.Root;
                handlebars?.Invoke(h);
            })
            .AddRazor(r => r.Map<Greeting>("greeting"))));

    [Fact]
    public async Task Template_Handlebars_SendsHtmlWithLength()
    {
        using var folder = new TemplateFolder(("index.hbs", "<p>{{id}} {{name}} é</p>"));
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Template("index", new { id = 1, name = "John" })));

        using var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(16, response.Content.Headers.ContentLength);
        Assert.Equal("<p>1 John é</p>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Template_StatusAndContentType_AreSent()
    {
        using var folder = new TemplateFolder(("note.hbs", "{{text}}"));
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Template("note", new { text = "<gone>" }, statusCode: 410, contentType: "text/plain")));

        using var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("&lt;gone&gt;", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Template_MappedRazorName_RendersComponentWithLayout()
    {
        using var folder = new TemplateFolder();
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Template("greeting", new GreetingModel(3, "Ada"))));

        var html = await app.Client.GetStringAsync("/");

        Assert.Contains("<header>Layout</header><h1>Hello, Ada!</h1><span class=\"badge\">#3</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Razor_Component_RendersInARequest()
    {
        using var folder = new TemplateFolder();
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Razor<Plain>(new Dictionary<string, object?> { ["Text"] = "<b>" })));

        using var response = await app.Client.GetAsync("/");

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p>&lt;b&gt;</p>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RespondTemplateAsync_RendersLikeTheResult()
    {
        using var folder = new TemplateFolder(("index.hbs", "hi {{name}}"));
        await using var app = await StartAsync(folder, a => a.MapGet("/", (HttpContext ctx) => ctx.RespondTemplateAsync("index", new { name = "you" })));

        Assert.Equal("hi you", await app.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Template_MatchingIfNoneMatch_Answers304WithoutRendering()
    {
        using var folder = new TemplateFolder(("index.hbs", "{{value}}"));
        var model = new CountingModel();
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Template("index", model, etag: "v1")));

        using var first = await app.Client.GetAsync("/");
        Assert.Equal("\"v1\"", first.Headers.ETag?.ToString());
        Assert.Equal(1, model.Reads);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.IfNoneMatch.ParseAdd("\"v1\"");
        using var second = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, model.Reads);
    }

    [Fact]
    public async Task Template_FailingHalfway_Answers500ProblemAndNoPartialPage()
    {
        using var folder = new TemplateFolder(("page.hbs", "<h1>Partial page {{title}}</h1>{{explode}}<p>never</p>"));
        await using var app = await StartAsync(
            folder,
            a => a.MapGet("/", () => Respond.Template("page", new { title = "T" })),
            h => h.AddHelper("explode", (writer, context, arguments) => throw new InvalidOperationException("helper failed at /secret/path")));

        using var response = await app.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Partial page", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/secret/path", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Razor_ComponentFailingHalfway_Answers500ProblemAndNoPartialPage()
    {
        using var folder = new TemplateFolder();
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Razor<Failing>()));

        using var response = await app.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("partial output", body, StringComparison.Ordinal);
        Assert.DoesNotContain("component failed", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Missing_Answers500ProblemWithoutStackTrace()
    {
        using var folder = new TemplateFolder();
        await using var app = await StartAsync(folder, a => a.MapGet("/", () => Respond.Template("absent")));

        using var response = await app.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("TemplateNotFoundException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.Root, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Head_SendsHeadersOnly()
    {
        using var folder = new TemplateFolder(("index.hbs", "body"));
        await using var app = await StartAsync(folder, a => a.MapMethods("/", ["GET", "HEAD"], () => Respond.Template("index")));

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Template_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => Respond.Template(""));
        Assert.Throws<ArgumentException>(() => Respond.Template("x", statusCode: 204));
        Assert.Throws<ArgumentException>(() => Respond.Template("x", etag: "a b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond.Template("x", statusCode: 42));
    }

    [Fact]
    public void Template_Result_ExposesWhatItSends()
    {
        var result = Respond.Template("index", "m", statusCode: 201, etag: "t");

        Assert.Equal(("index", "m", 201, "text/html; charset=utf-8", "\"t\""), (result.TemplateName, result.Model, result.StatusCode, result.ContentType, result.ETag));
    }

    public sealed class CountingModel
    {
        private int _reads;

        public int Reads => _reads;

        public string Value
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return "v";
            }
        }
    }
}
