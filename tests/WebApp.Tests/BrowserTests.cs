using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests;

/// <summary>What a person sees in Chromium: the home page, its links, and a real download.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Home_LinksToEveryGetRoute()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/"));

        Assert.Equal("Herald sample", await page.TitleAsync());
        var links = await page.Locator("table a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Equal(HomePage.Routes.Where(r => r.Method == "GET").Select(r => r.Path), links);
        Assert.True(await page.Locator("img[alt='Herald logo']").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 128"));
    }

    [BrowserFact]
    public async Task Home_FollowingLinks_ShowsEachRoute()
    {
        var page = await NewPageAsync();
        var expected = new Dictionary<string, string>
        {
            ["/hello"] = "Hello, world!",
            ["/html"] = "Hello from Herald!",
            ["/customer/1"] = "Jet",
            ["/files/readme.txt"] = "Herald sample files.",
            ["/stream"] = "line 100 of 100",
            ["/etag"] = "This response carries an entity tag.",
            ["/cookie"] = "Cookie set: yummy_cookie=choco",
            ["/redirect"] = "Moved content",
        };

        foreach (var (path, text) in expected)
        {
            await page.GotoAsync(Url("/"));
            await page.Locator($"table a[href='{path}']").ClickAsync();

            // Waits (bounded by Playwright's timeout) until the click has left the home page, whose descriptions quote
            // some of these texts too, and the route's page shows its text.
            await page.WaitForFunctionAsync(
                "t => document.body && !document.title.startsWith('Herald sample') && document.body.innerText.includes(t)", text);
        }

        Assert.EndsWith("/moved", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Html_ShowsTitleAndHeading()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/html"));

        Assert.Equal("Herald", await page.TitleAsync());
        Assert.Equal("Hello from Herald!", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task Cookie_IsStoredByTheBrowser()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/cookie"));

        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "yummy_cookie");
        Assert.Equal("choco", cookie.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task Download_SavesLogoUnderItsName()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("table a[href='/download']").ClickAsync());

        Assert.Equal("herald-logo.png", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"herald-{Guid.NewGuid():N}.png");
        try
        {
            await download.SaveAsAsync(saved);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "files", "herald-logo.png")), await File.ReadAllBytesAsync(saved));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [BrowserFact]
    public async Task Bytes_OctetStream_IsDownloadedNotShown()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("table a[href='/bytes']").ClickAsync());

        await using var body = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(body);
        Assert.Equal("Herald raw bytes\n", await reader.ReadToEndAsync());
    }

    [BrowserFact]
    public async Task Templates_ShowTheirTextWithValuesEscaped()
    {
        var page = await NewPageAsync();
        var expected = new Dictionary<string, string>
        {
            ["/index"] = "User id: 1, name: John",
            ["/razor"] = "Hello from Razor!",
            ["/products"] = "Name99",
            ["/products/razor"] = "Name99",
            ["/products/slice"] = "Name99",
            ["/customer/1"] = "Brains",
        };

        foreach (var (path, text) in expected)
        {
            await page.GotoAsync(Url(path));
            await page.WaitForFunctionAsync("t => document.body && document.body.innerText.includes(t)", text);
        }

        await page.GotoAsync(Url("/razor"));
        await page.WaitForFunctionAsync("() => document.querySelector('#note') !== null");
        Assert.Equal("<b>Markup in a value</b> is shown as text.", await page.InnerTextAsync("#note"));
        Assert.Equal(0, await page.Locator("#note b").CountAsync());
        Assert.Contains("Rendered by a Razor layout", await page.InnerTextAsync("header.layout"), StringComparison.Ordinal);
        Assert.Equal("John", await page.InnerTextAsync("section.card h2"));

        foreach (var path in new[] { "/products", "/products/razor", "/products/slice" })
        {
            await page.GotoAsync(Url(path));
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#products li').length === 100");
            Assert.Equal("Top 100 <products>", await page.InnerTextAsync("h1"));
            Assert.Equal(0, await page.Locator("products").CountAsync());
            Assert.Equal("Name0", await page.InnerTextAsync("#products li >> nth=0 >> h2"));
            Assert.EndsWith("Only 0 Lorem ipsum ...", await page.InnerTextAsync("#products li >> nth=0"), StringComparison.Ordinal);
        }

        await page.GotoAsync(Url("/index"));
        await page.WaitForFunctionAsync("() => document.querySelector('#user-name') !== null");
        Assert.Equal("Handlebars: index", await page.TitleAsync());
        Assert.Equal("John", await page.InnerTextAsync("#user-name"));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    private string Url(string path) => new Uri(fixture.App.Address, path).ToString();
}
