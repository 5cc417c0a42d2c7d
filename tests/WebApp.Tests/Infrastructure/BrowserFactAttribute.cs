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
        if (!File.Exists(ChromiumPath) && !ToolsRequired)
        {
            Skip = MissingMessage(ChromiumPath);
        }
    }

    /// <summary>Whether missing tools fail the run rather than skip (<c>HERALD_REQUIRE_TOOLS=1</c>, as CI sets it).</summary>
    public static bool ToolsRequired => Environment.GetEnvironmentVariable("HERALD_REQUIRE_TOOLS") == "1";

    /// <summary>What to say when Chromium is not at <paramref name="path"/>: where it was looked for and how to install it.</summary>
    public static string MissingMessage(string path) =>
        $"Chromium is not installed at {path}. Install it with 'sudo apt-get install chromium' (Debian) to run the browser tests.";
}
