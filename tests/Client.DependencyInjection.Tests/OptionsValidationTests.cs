using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>Invalid options and misuse fail with a message that names the client, the property and where to fix it.</summary>
public sealed class OptionsValidationTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task CreateClient_InvalidClientOption_ThrowsNamingTheClientAndTheProperty()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("strict", o => o.Timeout = TimeSpan.Zero);
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHeraldClientFactory>().CreateClient("strict"));

        Assert.StartsWith("The Herald client 'strict' cannot be created from its options: HeraldClientOptions.Timeout must be positive", ex.Message);
        Assert.EndsWith("Fix them in services.AddHeraldClient(\"strict\", ...) or services.Configure<HeraldClientOptions>(\"strict\", ...).", ex.Message);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public async Task CreateClient_InvalidTransportOption_ThrowsEveryTimeNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("pool", o => o.Transport.MaxConnectionsPerServer = 0);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();

        var first = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("pool"));
        var again = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("pool"));

        Assert.Contains("'pool'", first.Message);
        Assert.Contains("TransportOptions.MaxConnectionsPerServer", first.Message);
        Assert.Contains("TransportOptions.MaxConnectionsPerServer", again.Message);
    }

    [Fact]
    public async Task CreateClient_RelativeBaseAddress_ThrowsNamingTheProperty()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("relative", o => o.BaseAddress = new Uri("api/", UriKind.Relative));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHeraldClientFactory>().CreateClient("relative"));

        Assert.Contains("HeraldClientOptions.BaseAddress must be an absolute http or https URL", ex.Message);
    }

    [Fact]
    public async Task CreateClient_MiddlewareFactoryReturnsNull_ThrowsNamingTheMiddleware()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("broken", o => o.Middleware.Add("metrics", () => null!));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHeraldClientFactory>().CreateClient("broken"));

        Assert.Contains("The factory of middleware 'metrics' returned null.", ex.Message);
    }

    [Fact]
    public async Task TypedClient_InvalidOptions_FailsWhenResolvedWithTheSameMessage()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient<Typed>(o => o.MaxReplayBufferBytes = -1);
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<Typed>());

        Assert.Contains("The Herald client 'Typed' cannot be created", ex.Message);
        Assert.Contains("HeraldClientOptions.MaxReplayBufferBytes", ex.Message);
    }

    [Fact]
    public async Task CreateClient_UnregisteredName_ThrowsListingTheRegisteredOnes()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("github", o => o.BaseAddress = server.BaseAddress);
        services.AddHeraldClient(o => o.BaseAddress = server.BaseAddress);
        services.AddHttpClient("plain"); // a framework client of that name is not a Herald client
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IHeraldClientFactory>().CreateClient("plain"));

        Assert.Equal(
            "No Herald client is registered as 'plain'; register it with services.AddHeraldClient(\"plain\", ...). Registered: 'github', (default).",
            ex.Message);
    }

    [Fact]
    public void AddHeraldClient_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>("services", () => ((IServiceCollection)null!).AddHeraldClient("x"));
        Assert.Throws<ArgumentNullException>("name", () => services.AddHeraldClient((string)null!));
        Assert.Throws<ArgumentNullException>("configure", () => services.AddHeraldClient("x", (Action<HeraldClientOptions>)null!));
        Assert.Throws<ArgumentNullException>("configure", () => services.AddHeraldClient("x").ConfigureHeraldClient((Action<IServiceProvider, HeraldClientOptions>)null!));
    }

    public sealed class Typed(HeraldClient client)
    {
        public HeraldClient Client => client;
    }
}
