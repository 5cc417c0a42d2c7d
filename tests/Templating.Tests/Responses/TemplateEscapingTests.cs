using System.Net;
using Herald.Responses;
using Herald.Templating.Tests.Infrastructure;
using Herald.Templating.Tests.Razor.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Templating.Tests.Responses;

/// <summary>A model value holding markup reaches the browser as text, whichever way the page is answered.</summary>
public sealed class TemplateEscapingTests
{
    private const string Script = "<script>alert('x')</script>";
    private const string AttributeBreak = "\" onmouseover=\"alert(1)";

    private static Task<TestApp> StartAsync(TemplateFolder folder) =>
        TestApp.StartAsync(
            a =>
            {
                a.MapGet("/template", () => Respond.Template("card", new Card(Script, AttributeBreak)));
                a.MapGet("/razor", () => Respond.Template("greeting", new GreetingModel(1, Script)));
                a.MapGet("/negotiated", () => Respond.Negotiated(new Card(Script, AttributeBreak))).WithTemplate("card");
            },
            services => services
                .AddContentNegotiation(o => o.AddJson().AddXml().AddTemplates())
                .AddTemplating(o => o.AddHandlebars(h => h.RootPath = folder.Root).AddRazor(r => r.Map<Greeting>("greeting"))));

    private static TemplateFolder Folder() => new(("card.hbs", "<a title=\"{{Title}}\">{{Name}}</a>"));

    private static void AssertNoMarkupLeaked(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ScriptInModel_IsEscaped()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        var html = await app.Client.GetStringAsync("/template");

        Assert.Equal("<a title=\"&quot; onmouseover&#x3D;&quot;alert(1)\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</a>", html);
        AssertNoMarkupLeaked(html);
    }

    [Fact]
    public async Task Template_ScriptInRazorModel_IsEscaped()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);

        var html = await app.Client.GetStringAsync("/razor");

        Assert.Contains("<h1>Hello, &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;!</h1>", html, StringComparison.Ordinal);
        AssertNoMarkupLeaked(html);
    }

    [Fact]
    public async Task Negotiated_ScriptInModelForABrowser_IsEscaped()
    {
        using var folder = Folder();
        await using var app = await StartAsync(folder);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/negotiated");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<a title=\"&quot; onmouseover&#x3D;&quot;alert(1)\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</a>", html);
        AssertNoMarkupLeaked(html);
    }

    public sealed record Card(string Name, string Title);
}
