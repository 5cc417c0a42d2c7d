namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's Chromium. Where it is missing the test is skipped with a reason that says how to
/// install it, except when <c>HERALD_REQUIRE_TOOLS=1</c> (CI sets it): then the test runs and fails loudly.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>The browser the tests drive.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("HERALD_REQUIRE_TOOLS") != "1")
        {
            Skip = $"Chromium is not installed at {ChromiumPath}. Install it with 'sudo apt-get install chromium' (Debian) to run the browser tests.";
        }
    }
}
