using System.Net;
using System.Text.Json;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public async Task Template_Latin1Charset_WritesWhatItCannotHoldAsCharacterReferences_WithTheRightLength()
    {
        using var folder = new TemplateFolder(("note.hbs", "<p>{{text}}</p>"));
        await using var app = await StartAsync(folder, a => a.MapGet("/", () =>
            Respond.Template("note", new { text = "café ✓ 😀" }, contentType: "text/html; charset=iso-8859-1")));

        using var response = await app.Client.GetAsync("/");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var expected = System.Text.Encoding.Latin1.GetBytes("<p>café &#x2713; &#x1F600;</p>");
        Assert.Equal(expected, bytes);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
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
    public async Task Template_Head_SendsGetsStatusAndHeadersWithoutBody()
    {
        using var folder = new TemplateFolder(("index.hbs", "<p>{{name}} é</p>"));
        await using var app = await StartAsync(folder, a => a.MapMethods("/", ["GET", "HEAD"], () => Respond.Template("index", new { name = "Ada" })));

        using var get = await app.Client.GetAsync("/");
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
        Assert.Equal(13, get.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Template_HeadOfMissingTemplate_Answers500LikeGet()
    {
        using var folder = new TemplateFolder();
        await using var app = await StartAsync(folder, a => a.MapMethods("/", ["GET", "HEAD"], () => Respond.Template("missing")));

        using var get = await app.Client.GetAsync("/");
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.InternalServerError, get.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Template_SyntaxError_Answers500WithoutSourceOrStackAndLogsTemplateLineAndColumn()
    {
        using var folder = new TemplateFolder(("broken.hbs", "<h1>SOURCE-MARKER {{title}}</h1>\n  {{#each items}}<li>{{this}}</li>\n"));
        var logs = new LogCollector();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", () => Respond.Template("broken", new { title = "T", items = new[] { "a" } })),
            services => services.AddSingleton<ILoggerProvider>(logs).AddTemplating(o => o.AddHandlebars(h => h.RootPath = folder.Root)));

        using var response = await app.Client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("SOURCE-MARKER", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        Assert.DoesNotContain("broken.hbs", body, StringComparison.Ordinal);
        Assert.DoesNotContain("TemplateSyntaxException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.Root, body, StringComparison.Ordinal);

        // The exception handler logs before it answers, so the entry is there once the response is.
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        var error = Assert.IsType<TemplateSyntaxException>(logged.Exception);
        Assert.Equal(("broken.hbs", 2, 3), (error.TemplateName, error.Line, error.Column));
        Assert.Contains("'broken.hbs' has a syntax error at line 2, column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_HeadWithMatchingIfNoneMatch_Answers304()
    {
        using var folder = new TemplateFolder(("index.hbs", "body"));
        await using var app = await StartAsync(folder, a => a.MapMethods("/", ["GET", "HEAD"], () => Respond.Template("index", etag: "v1")));

        using var request = new HttpRequestMessage(HttpMethod.Head, "/");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Razor_ScopedService_IsTheRequestsInstance()
    {
        using var folder = new TemplateFolder();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", (RequestProbe probe, HttpContext context) =>
            {
                context.Response.Headers["X-Probe"] = probe.Id.ToString();
                return Respond.Razor<ProbeView>();
            }),
            services => services.AddScoped<RequestProbe>().AddTemplating(o => o.AddRazor()));

        using var first = await app.Client.GetAsync("/");
        using var second = await app.Client.GetAsync("/");

        Assert.Equal($"<p>{first.Headers.GetValues("X-Probe").Single()}</p>", await first.Content.ReadAsStringAsync());
        Assert.Equal($"<p>{second.Headers.GetValues("X-Probe").Single()}</p>", await second.Content.ReadAsStringAsync());
        Assert.NotEqual(first.Headers.GetValues("X-Probe").Single(), second.Headers.GetValues("X-Probe").Single());
    }

    [Fact]
    public async Task Template_MappedRazorNameWithScopedService_IsTheRequestsInstance()
    {
        using var folder = new TemplateFolder();
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/", (RequestProbe probe, HttpContext context) =>
            {
                context.Response.Headers["X-Probe"] = probe.Id.ToString();
                return Respond.Template("probe");
            }),
            services => services.AddScoped<RequestProbe>().AddTemplating(o => o.AddRazor(r => r.Map<ProbeView>("probe"))));

        using var response = await app.Client.GetAsync("/");

        Assert.Equal($"<p>{response.Headers.GetValues("X-Probe").Single()}</p>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/..%2Fsecret")]
    [InlineData("/%2e%2e/secret")]
    [InlineData("/%2e%2e%2fsecret")]
    [InlineData("/..%5Csecret")]
    [InlineData("/%2Fetc%2Fpasswd")]
    [InlineData("/{parent}/secret")]
    [InlineData("/{parent}%2Fsecret")]
    public async Task Template_CatchAllNameLeavingTheRoot_AnswersLikeAMissingTemplateAndReadsNothing(string path)
    {
        using var folder = new TemplateFolder(("page.hbs", "page"));
        var files = new PermissiveFileProvider(folder.Root);
        await using var app = await StartAsync(folder, a => a.MapGet("/{**name}", (string name) => Respond.Template(name)), h => h.FileProvider = files);
        Assert.Equal("page", await app.Client.GetStringAsync("/page"));

        // Sent as written: HttpClient would otherwise decode %2e and remove the dot segments itself.
        var target = new Uri(app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path.Replace("{parent}", "/" + folder.Parent.TrimStart('/'), StringComparison.Ordinal), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var response = await app.Client.GetAsync(target);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("TOP SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.All(files.Lookups, p => Assert.True(p is "page.hbs" or "secret.hbs" or "secret.handlebars", $"Looked up '{p}'."));
        Assert.Equal(1, files.Reads);
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
