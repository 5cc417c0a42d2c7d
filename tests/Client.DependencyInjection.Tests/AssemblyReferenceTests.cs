using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>The DI package builds on IHttpClientFactory alone: a worker service must not pull ASP.NET Core in.</summary>
public sealed class AssemblyReferenceTests
{
    [Fact]
    public void HeraldClientDependencyInjection_ReferencedAssemblies_IncludeNoAspNetCore()
    {
        var assembly = typeof(HeraldClientServiceCollectionExtensions).Assembly;
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

        Assert.Equal("Herald.Client.DependencyInjection", assembly.GetName().Name);
        Assert.Contains("Herald.Client", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
    }
}
