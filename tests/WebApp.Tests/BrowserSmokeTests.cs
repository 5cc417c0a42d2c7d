using WebApp.Tests.Infrastructure;

namespace WebApp.Tests;

public sealed class BrowserSmokeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Hello_InChromium_ShowsGreeting()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.Address, "hello").ToString());
        Assert.Equal("Hello, world!", (await page.InnerTextAsync("body")).Trim());
    }
}
