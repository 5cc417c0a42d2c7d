using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebApp.Tests;

/// <summary>The template routes of the sample app: Handlebars, Razor, the products workload and the negotiated customer page.</summary>
public sealed partial class TemplateRoutesTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Index_RendersUserWithHandlebars()
    {
        using var response = await _client.GetAsync("/index");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<title>Handlebars: index</title>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"user-id\">1</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"user-name\">John</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Razor_RendersComponentInLayoutAndEscapesValues()
    {
        using var response = await _client.GetAsync("/razor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<header class=\"layout\">Rendered by a Razor layout</header>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>John</h2>", html, StringComparison.Ordinal);
        Assert.Contains("User id: 1", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Markup in a value&lt;/b&gt; is shown as text.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/products")]
    [InlineData("/products/razor")]
    [InlineData("/products/slice")]
    public async Task Products_RenderTheHundredProducts(string path)
    {
        var html = await _client.GetStringAsync(path);

        Assert.Contains("Top 100 &lt;products&gt;", html, StringComparison.Ordinal);
        Assert.Equal(100, ProductItem().Count(html));
        Assert.Contains("<h2>Name0</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Name99</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Only 99", html, StringComparison.Ordinal);
        Assert.Contains("Lorem ipsum ...", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dolor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_EveryEngine_ShowsTheSameVisibleContent()
    {
        var handlebars = VisibleList(await _client.GetStringAsync("/products"));
        var razor = VisibleList(await _client.GetStringAsync("/products/razor"));
        var slice = VisibleList(await _client.GetStringAsync("/products/slice"));

        Assert.StartsWith("Top 100 &lt;products&gt; Name0 Only 0 Lorem ipsum ... Name1 Only 1", handlebars, StringComparison.Ordinal);
        Assert.Equal(handlebars, razor);
        Assert.Equal(handlebars, slice);
    }

    [Fact]
    public async Task Customer_Browser_GetsTheHtmlPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer/1");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<dd id=\"first-name\">Jet</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"last-name\">Brains</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/xml", "application/xml")]
    public async Task Customer_ApiClient_GetsData(string accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer/1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await _client.SendAsync(request);

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<dl>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ListsTheTemplateRoutes()
    {
        var html = await _client.GetStringAsync("/");

        foreach (var path in new[] { "/index", "/razor", "/products", "/products/razor", "/products/slice" })
        {
            Assert.Contains($"<code>{path}</code>", html, StringComparison.Ordinal);
        }
    }

    /// <summary>The heading and the product list as a reader sees them: tags dropped, whitespace collapsed.</summary>
    private static string VisibleList(string html)
    {
        var start = html.IndexOf("<h1>", StringComparison.Ordinal);
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return Whitespace().Replace(Tag().Replace(html[start..end], " "), " ").Trim();
    }

    [GeneratedRegex("<li>")]
    private static partial Regex ProductItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
