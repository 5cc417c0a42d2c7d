using Herald.Client.Tests.Infrastructure;
using Herald.Client.DependencyInjection.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Client.DependencyInjection.Tests;

/// <summary>
/// The resilience pipeline belongs to the name's options, not to a handler chain: an open circuit is shared by every
/// client of the name and outlives the factory's handler rotation.
/// </summary>
public sealed class SharedCircuitTests(TestServer server) : IClassFixture<TestServer>
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HandlerLifetime_Elapsed_CircuitOpenedBeforeRotationIsStillOpenAfterIt()
    {
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        var chains = 0;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddHeraldClient("breaking", o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.TimeProvider = clock;
                o.AddCircuitBreaker(c =>
                {
                    c.FailureRatio = 1;
                    c.MinimumThroughput = 2;
                    c.BreakDuration = Break;
                });
            })
            .HttpClientBuilder
            .SetHandlerLifetime(TimeSpan.FromSeconds(1)) // the factory's minimum
            .AddHttpMessageHandler(() =>
            {
                // Called once for each handler chain the factory builds: counts the rotations.
                Interlocked.Increment(ref chains);
                return new PassThroughHandler();
            });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();
        var options = provider.GetRequiredService<IOptionsMonitor<HeraldClientOptions>>().Get("breaking");

        using var before = factory.CreateClient("breaking");
        var expired = logs.WaitForAsync(e => e.EventId.Name == "HandlerExpired" && e.Message.Contains("'breaking'", StringComparison.Ordinal));
        for (var i = 0; i < 2; i++)
        {
            using var failed = await before.GetAsync("status/503", r => r.ThrowOnError(false));
            Assert.Equal(503, failed.Status);
        }

        Assert.Equal(CircuitBreakerState.Open, options.GetCircuitState());

        // The factory's own expiry timer runs on the real clock: wait for its signal, not for time.
        await expired.WaitAsync(TestServer.Guard);
        using var after = factory.CreateClient("breaking");
        var id = Guid.NewGuid().ToString("N");
        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => after.GetAsync($"hang?id={id}"));

        Assert.Equal(2, Volatile.Read(ref chains)); // the second client is on a new handler chain…
        Assert.Equal(Break, refused.RetryAfter);    // …and its call was refused by the circuit opened on the first
        Assert.False(server.Arrived(id).Task.IsCompleted);
        Assert.Equal(CircuitBreakerState.Open, options.GetCircuitState());

        clock.Advance(Break);
        var probe = await after.EchoAsync("echo/probe");

        Assert.Equal("/echo/probe", probe.Path);
        Assert.Equal(CircuitBreakerState.Closed, options.GetCircuitState());
        var old = await before.EchoAsync("echo/old-client"); // the old chain shares the closed circuit too
        Assert.Equal("/echo/old-client", old.Path);
    }

    [Fact]
    public async Task CreateClient_ShortLivedClientsOfOneName_ShareTheCircuitAndOtherNamesDoNot()
    {
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection();
        foreach (var name in new[] { "first", "second" })
        {
            services.AddHeraldClient(name, o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.TimeProvider = clock;
                o.AddCircuitBreaker(c =>
                {
                    c.FailureRatio = 1;
                    c.MinimumThroughput = 2;
                    c.BreakDuration = Break;
                });
            });
        }

        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHeraldClientFactory>();
        for (var i = 0; i < 2; i++)
        {
            using var shortLived = factory.CreateClient("first");
            using var failed = await shortLived.GetAsync("status/500", r => r.ThrowOnError(false));
            Assert.Equal(500, failed.Status);
        }

        using var next = factory.CreateClient("first");
        await Assert.ThrowsAsync<CircuitOpenException>(() => next.GetAsync("echo/refused"));
        using var other = factory.CreateClient("second");
        var answered = await other.EchoAsync("echo/other");

        Assert.Equal("/echo/other", answered.Path);
        var monitor = provider.GetRequiredService<IOptionsMonitor<HeraldClientOptions>>();
        Assert.Equal(CircuitBreakerState.Open, monitor.Get("first").GetCircuitState());
        Assert.Equal(CircuitBreakerState.Closed, monitor.Get("second").GetCircuitState());
    }

    [Fact]
    public void GetCircuitState_ClientFromTheFactory_ThrowsPointingAtTheOptions()
    {
        var services = new ServiceCollection();
        services.AddHeraldClient("breaking", o => o.AddCircuitBreaker());
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHeraldClientFactory>().CreateClient("breaking");

        var error = Assert.Throws<InvalidOperationException>(() => client.GetCircuitState());

        Assert.Contains("IOptionsMonitor<HeraldClientOptions>.Get(name).GetCircuitState()", error.Message);
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
