namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// A fact that needs an external program (a proxy server, a browser). Where the program is missing it is skipped with
/// a reason saying how to install it, unless <c>HERALD_REQUIRE_TOOLS=1</c> (CI) is set: then it runs and fails.
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    /// <summary>The environment variable that turns a missing tool into a failure.</summary>
    public const string RequireToolsVariable = "HERALD_REQUIRE_TOOLS";

    /// <param name="path">The program's absolute path, e.g. <c>/usr/sbin/squid</c>.</param>
    /// <param name="package">The Debian package that installs it.</param>
    public RequiresToolFactAttribute(string path, string package)
    {
        if (!File.Exists(path) && !ToolsRequired)
        {
            Skip = $"{path} is not installed: run `apt-get install {package}` (with {RequireToolsVariable}=1, as in CI, this test fails instead).";
        }
    }

    /// <summary>Gets whether missing tools fail tests instead of skipping them.</summary>
    public static bool ToolsRequired => Environment.GetEnvironmentVariable(RequireToolsVariable) == "1";
}
