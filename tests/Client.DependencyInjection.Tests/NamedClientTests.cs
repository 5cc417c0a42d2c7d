using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>Named clients: options per name through the builder or named options, created by name, independent of each other.</summary>
public sealed class NamedClientTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task CreateClient_Named_SendsWithItsBaseAddressAndDefaultHeaders()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("github", o =>
        {
            o.BaseAddress = server.Url("echo/api/");
            o.DefaultHeaders.Add("X-Api-Key", "k1");
            o.UserAgent = "herald-tests";
        });
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("github");
        var echo = await client.EchoAsync("repos");

        Assert.Equal(server.Url("echo/api/"), client.BaseAddress);
        Assert.Equal("/echo/api/repos", echo.Path);
        Assert.Equal("k1", echo.Header("X-Api-Key"));
        Assert.Equal("herald-tests", echo.Header("User-Agent"));
    }

    [Fact]
    public async Task CreateClient_OptionsFromTheContainerAndNamedOptions_AllApplyInOrder()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ApiKey("from-container"));
        services.Configure<HeraldClientOptions>("billing", o => o.DefaultHeaders.Add("X-Configured", "by Configure<HeraldClientOptions>"));
        services.AddHeraldClient("billing", (sp, o) =>
            {
                o.BaseAddress = server.BaseAddress;
                o.DefaultHeaders.Add("X-Api-Key", sp.GetRequiredService<ApiKey>().Value);
            })
            .ConfigureHeraldClient(o => o.DefaultHeaders.Add("X-Chained", "yes"));
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("billing");
        var echo = await client.EchoAsync("echo/invoices");

        Assert.Equal("from-container", echo.Header("X-Api-Key"));
        Assert.Equal("by Configure<HeraldClientOptions>", echo.Header("X-Configured"));
        Assert.Equal("yes", echo.Header("X-Chained"));
    }

    [Fact]
    public async Task CreateClient_TwoNames_HaveTheirOwnOptionsAndCookies()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("a", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.DefaultHeaders.Add("X-Name", "a");
        });
        services.AddHeraldClient("b", o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.DefaultHeaders.Add("X-Name", "b");
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();

        using var a = factory.CreateClient("a");
        using var b = factory.CreateClient("b");
        using (await a.GetAsync("set-cookie?name=session&value=for-a"))
        {
        }

        var fromA = await a.EchoAsync("echo/x");
        var fromB = await b.EchoAsync("echo/x");

        Assert.Equal("a", fromA.Header("X-Name"));
        Assert.Equal("b", fromB.Header("X-Name"));
        Assert.Equal("session=for-a", fromA.Header("Cookie"));
        Assert.Null(fromB.Header("Cookie"));
        Assert.NotSame(a.Cookies, b.Cookies);
    }

    [Fact]
    public async Task CreateClient_SameNameTwice_SharesTheJarAndThePool()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("shop", o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();

        Echo first;
        using (var client = factory.CreateClient("shop"))
        {
            using (await client.GetAsync("set-cookie?name=cart&value=42"))
            {
            }

            first = await client.EchoAsync("echo/first");
        }

        using var next = factory.CreateClient("shop");
        var second = await next.EchoAsync("echo/second");

        Assert.Equal("cart=42", second.Header("Cookie"));
        Assert.Equal("cart=42", Assert.Single(next.Cookies.GetAllCookies()).ToString());
        Assert.Equal(first.ConnectionId, second.ConnectionId); // disposing the first client left the pooled connection alone
    }

    [Fact]
    public async Task AddHeraldClient_SameNameAgain_AddsToItsConfiguration()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("twice", o => o.BaseAddress = server.BaseAddress);
        services.AddHeraldClient("twice", o => o.DefaultHeaders.Add("X-Second", "2"));
        await using var provider = services.BuildServiceProvider();

        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("twice");
        var echo = await client.EchoAsync("echo/x");

        Assert.Equal("2", echo.Header("X-Second"));
        Assert.Equal("gzip, deflate, br", echo.Header("Accept-Encoding")); // Herald's middleware is in the chain once
    }

    [Fact]
    public async Task Builder_ExposesNameServicesAndTheHttpClientBuilder()
    {
        var services = new ServiceCollection();

        var builder = services.AddHeraldClient("named");

        Assert.Equal("named", builder.Name);
        Assert.Same(services, builder.Services);
        Assert.Equal("named", builder.HttpClientBuilder.Name);
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("named");
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout); // HeraldClientOptions.Timeout alone limits a call
    }

    private sealed record ApiKey(string Value);
}
