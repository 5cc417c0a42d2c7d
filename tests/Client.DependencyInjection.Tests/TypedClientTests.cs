using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>Typed clients: a class that takes a HeraldClient (and other services) in its constructor, as typed HttpClients do.</summary>
public sealed class TypedClientTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task AddHeraldClientOfT_ResolvesWithAConfiguredClient()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient<CatalogClient>(o =>
        {
            o.BaseAddress = server.Url("echo/catalog/");
            o.DefaultHeaders.Add("X-Tenant", "t1");
        });
        await using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<CatalogClient>();
        var echo = await catalog.GetItemAsync(7);

        Assert.Equal("/echo/catalog/items/7", echo.Path);
        Assert.Equal("t1", echo.Header("X-Tenant"));
    }

    [Fact]
    public async Task AddHeraldClientOfT_NameIsTheTypeName_SoNamedOptionsApply()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient<CatalogClient>((_, o) => o.BaseAddress = server.Url("echo/"));
        services.Configure<HeraldClientOptions>(nameof(CatalogClient), o => o.DefaultHeaders.Add("X-From", "named options"));
        await using var provider = services.BuildServiceProvider();

        var echo = await provider.GetRequiredService<CatalogClient>().GetItemAsync(1);

        Assert.Equal("named options", echo.Header("X-From"));
    }

    [Fact]
    public async Task AddHeraldClientOfInterface_ResolvesTheImplementationWithItsOtherServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Tenant("acme"));
        services.AddHeraldClient<IOrders, OrdersClient>((_, o) => o.BaseAddress = server.Url("echo/"));
        await using var provider = services.BuildServiceProvider();

        var orders = provider.GetRequiredService<IOrders>();
        var echo = await orders.ListAsync();

        Assert.IsType<OrdersClient>(orders);
        Assert.Equal("/echo/acme/orders", echo.Path);
    }

    [Fact]
    public async Task AddTypedClient_OnANamedClient_UsesThatName()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("catalog-v2", o =>
            {
                o.BaseAddress = server.Url("echo/v2/");
                o.DefaultHeaders.Add("X-Version", "2");
            })
            .AddTypedClient<CatalogClient>();
        await using var provider = services.BuildServiceProvider();

        var echo = await provider.GetRequiredService<CatalogClient>().GetItemAsync(3);

        Assert.Equal("/echo/v2/items/3", echo.Path);
        Assert.Equal("2", echo.Header("X-Version"));
    }

    [Fact]
    public async Task TypedClient_IsTransient_EachWithItsOwnHeraldClientOverOneJar()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient<CatalogClient>(o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<CatalogClient>();
        var second = provider.GetRequiredService<CatalogClient>();

        Assert.NotSame(first, second);
        Assert.NotSame(first.Client, second.Client);
        Assert.Same(first.Client.Cookies, second.Client.Cookies);
    }

    [Fact]
    public void AddTypedClient_TypeWithoutAUsableConstructor_FailsWhenRegistered()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddHeraldClient<NoPublicConstructor>());

        Assert.Contains(nameof(NoPublicConstructor), ex.Message);
    }

    public sealed class CatalogClient(HeraldClient client)
    {
        public HeraldClient Client => client;

        public Task<Echo> GetItemAsync(int id) => client.EchoAsync($"items/{id}");
    }

    public interface IOrders
    {
        Task<Echo> ListAsync();
    }

    public sealed class OrdersClient(HeraldClient client, Tenant tenant) : IOrders
    {
        public Task<Echo> ListAsync() => client.EchoAsync($"{tenant.Name}/orders");
    }

    public sealed record Tenant(string Name);

    public sealed class NoPublicConstructor
    {
        private NoPublicConstructor()
        {
        }
    }
}
