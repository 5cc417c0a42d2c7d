using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>
/// The factory rotates a name's handler chain every HandlerLifetime: new clients get a new transport (new
/// connections), clients already out keep working, and the name's cookie jar carries over.
/// </summary>
public sealed class HandlerRotationTests(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task HandlerLifetime_Elapsed_NewClientsUseANewTransportAndKeepTheNamesCookies()
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddHeraldClient("rotating", o => o.BaseAddress = server.BaseAddress)
            .HttpClientBuilder.SetHandlerLifetime(TimeSpan.FromSeconds(1)); // the factory's minimum
        services.AddHeraldClient("other", o => o.BaseAddress = server.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();

        using var before = factory.CreateClient("rotating");
        var expired = logs.WaitForAsync(e => e.EventId.Name == "HandlerExpired" && e.Message.Contains("'rotating'", StringComparison.Ordinal));
        using (await before.GetAsync("set-cookie?name=session&value=s1"))
        {
        }

        var first = await before.EchoAsync("echo/before");

        // The factory's own expiry timer runs on the real clock: wait for its signal, not for time.
        await expired.WaitAsync(TestServer.Guard);
        using var after = factory.CreateClient("rotating");
        var second = await after.EchoAsync("echo/after");
        var old = await before.EchoAsync("echo/old-client");
        using var other = factory.CreateClient("other");
        var unrelated = await other.EchoAsync("echo/other");

        Assert.NotEqual(first.ConnectionId, second.ConnectionId); // a new SocketsHttpHandler, so a new connection
        Assert.Equal("session=s1", second.Header("Cookie"));      // the jar of the name survived the rotation
        Assert.Same(before.Cookies, after.Cookies);
        Assert.Equal(first.ConnectionId, old.ConnectionId);      // a client handed out earlier keeps its chain
        Assert.Null(unrelated.Header("Cookie"));
    }
}
