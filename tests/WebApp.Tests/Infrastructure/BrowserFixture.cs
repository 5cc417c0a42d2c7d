using Microsoft.Playwright;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// One headless Chromium per test class, driven by Playwright. Uses Debian's <c>/usr/bin/chromium</c>: Playwright's
/// own browser download is not available here. The flags keep Chromium from reaching out to the network.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The running browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The sample app on Kestrel.</summary>
    public KestrelAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            // The tests using this fixture are skipped (or, in CI, fail with the reason below).
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        await App.DisposeAsync();
    }
}
