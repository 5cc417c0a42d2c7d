namespace Herald.Client.Tests.Client;

/// <summary>Herald.Client stays usable outside ASP.NET Core: a console app or a worker must not pull the web stack in.</summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public void HeraldClient_ReferencedAssemblies_IncludeNoAspNetCore()
    {
        var references = typeof(HeraldClient).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
    }
}
