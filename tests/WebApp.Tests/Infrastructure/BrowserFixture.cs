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
        if (!EnsureBrowser(BrowserFactAttribute.ChromiumPath, BrowserFactAttribute.ToolsRequired))
        {
            // The tests using this fixture are skipped.
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

    /// <summary>
    /// Whether the browser at <paramref name="path"/> can be started; when it is missing and tools are required, fails
    /// the class here with how to install it, rather than leaving each test to stumble on a browser that never started.
    /// </summary>
    /// <exception cref="InvalidOperationException">Thrown when the browser is missing and <paramref name="required"/> is set.</exception>
    public static bool EnsureBrowser(string path, bool required)
    {
        if (File.Exists(path))
        {
            return true;
        }

        return required
            ? throw new InvalidOperationException(BrowserFactAttribute.MissingMessage(path) + " HERALD_REQUIRE_TOOLS=1 makes the browser tests required.")
            : false;
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
