using System.Net;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Negotiation;

public sealed class TemplateNegotiationTests
{
    private static Task<TestApp> StartAsync(TemplateFolder folder) =>
        TestApp.StartAsync(
            a =>
            {
                a.MapGet("/customer", () => Respond.Negotiated(new Customer(1, "Jet", "<Brains>"))).WithTemplate("customer");
                a.MapGet("/attributed", [Template("customer")] () => Respond.Negotiated(new Customer(2, "Ada", "L")));
                a.MapGet("/plain", () => Respond.Negotiated(new Customer(3, "No", "Template")));
                a.MapGet("/broken", () => Respond.Negotiated(new Customer(4, "B", "B"))).WithTemplate("broken");
            },
            services => services
                .AddContentNegotiation(o => o.AddJson().AddXml().AddTemplates())
                .AddTemplating(o => o.AddHandlebars(h => h.RootPath = folder.Root)));

    private static TemplateFolder Folder() => new(
        ("customer.hbs", "<h1>{{FirstName}} {{LastName}}</h1>"),
        ("broken.hbs", "<h1>half</h1>{{#each}}"));

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await app.Client.SendAsync(request);
    }

    [Fact]
    public async Task Negotiated_BrowserAccept_RendersTheTemplate()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        using var response = await GetAsync(app, "/customer", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<h1>Jet &lt;Brains&gt;</h1>", await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/xml", "application/xml")]
    public async Task Negotiated_ApiClient_GetsData(string? accept, string mediaType)
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        using var response = await GetAsync(app, "/customer", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Jet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_TemplateAttribute_WorksLikeWithTemplate()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        using var response = await GetAsync(app, "/attributed", "text/html");

        Assert.Equal("<h1>Ada L</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiated_EndpointWithoutTemplate_IsNotAnsweredWithHtml()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        using var html = await GetAsync(app, "/plain", "text/html");
        using var browser = await GetAsync(app, "/plain", "text/html,application/xml;q=0.9");

        Assert.Equal(HttpStatusCode.NotAcceptable, html.StatusCode);
        Assert.Equal("application/xml", browser.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Negotiated_BrokenTemplate_Answers500ProblemWithoutPartialPage()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        // A browser's Accept: the framework's problem-details writer answers only clients that accept JSON (or */*).
        using var response = await GetAsync(app, "/broken", "text/html,application/xhtml+xml,*/*;q=0.8");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("half", body, StringComparison.Ordinal);
    }

    public sealed record Customer(int Id, string FirstName, string LastName);
}
