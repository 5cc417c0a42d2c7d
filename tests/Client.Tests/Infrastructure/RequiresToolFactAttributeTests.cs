namespace Herald.Client.Tests.Infrastructure;

public sealed class RequiresToolFactAttributeTests
{
    [Fact]
    public void Constructor_MissingTool_SkipsWithInstallHintUnlessToolsAreRequired()
    {
        var fact = new RequiresToolFactAttribute("/usr/sbin/herald-no-such-tool", "herald-no-such-package");

        if (RequiresToolFactAttribute.ToolsRequired)
        {
            Assert.Null(fact.Skip);
        }
        else
        {
            Assert.Contains("apt-get install herald-no-such-package", fact.Skip);
            Assert.Contains(RequiresToolFactAttribute.RequireToolsVariable, fact.Skip);
        }
    }

    [Fact]
    public void Constructor_InstalledTool_Runs()
    {
        var fact = new RequiresToolFactAttribute("/bin/sh", "dash");

        Assert.Null(fact.Skip);
    }
}
