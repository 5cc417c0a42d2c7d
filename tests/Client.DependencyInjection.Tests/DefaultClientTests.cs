using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>The default (unnamed) client: HeraldClient itself is a scoped service.</summary>
public sealed class DefaultClientTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task AddHeraldClient_WithoutName_ResolvesHeraldClientPerScope()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.DefaultHeaders.Add("X-Default", "yes");
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        HeraldClient inFirstScope;
        Echo echo;
        using (var scope = provider.CreateScope())
        {
            inFirstScope = scope.ServiceProvider.GetRequiredService<HeraldClient>();
            Assert.Same(inFirstScope, scope.ServiceProvider.GetRequiredService<HeraldClient>());
            echo = await inFirstScope.EchoAsync("echo/default");
        }

        using var secondScope = provider.CreateScope();
        var inSecondScope = secondScope.ServiceProvider.GetRequiredService<HeraldClient>();

        Assert.Equal("yes", echo.Header("X-Default"));
        Assert.NotSame(inFirstScope, inSecondScope);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => inFirstScope.GetAsync("echo/after-scope")); // disposed with its scope
        Assert.Equal("yes", (await inSecondScope.EchoAsync("echo/default")).Header("X-Default"));
    }

    [Fact]
    public async Task CreateClient_WithoutName_CreatesTheDefaultClient()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient((_, o) => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient();
        var echo = await client.EchoAsync("echo/default");

        Assert.Equal("/echo/default", echo.Path);
    }

    [Fact]
    public async Task AddHeraldClient_NamedOnly_RegistersNoDefaultClient()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("only-named");
        await using var provider = services.BuildServiceProvider();

        Assert.Null(provider.GetService<HeraldClient>());
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHeraldClientFactory>().CreateClient());
        Assert.Equal(
            "No Herald client is registered as (the default client); register it with services.AddHeraldClient(...). Registered: 'only-named'.",
            ex.Message);
    }
}
