using System.Collections.Concurrent;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Resilience;

/// <summary>
/// The circuit belongs to the options: every client built from them shares it, until an Add… call or a new clock or
/// logger gives the clients built after it a fresh one.
/// </summary>
public sealed class SharedCircuitTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetAsync_CircuitOpenedThroughOneClient_FailsFastInEveryClientOfTheOptions()
    {
        var clock = new ArmingClock();
        var changes = new ConcurrentQueue<CircuitBreakerState>();
        var script = fixture.NewScript().Status(500).Status(503);
        var options = Options(clock, c => c.OnStateChange = change => changes.Enqueue(change.State));
        using var first = new HeraldClient(options);
        using var before = new HeraldClient(options);

        await FailTwiceAsync(first, script);
        Assert.Equal(CircuitBreakerState.Open, first.GetCircuitState());
        using var after = new HeraldClient(options); // built once the circuit is open

        Assert.Equal(CircuitBreakerState.Open, before.GetCircuitState());
        Assert.Equal(CircuitBreakerState.Open, after.GetCircuitState());
        Assert.Equal(CircuitBreakerState.Open, options.GetCircuitState());
        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => before.GetAsync(script.Path));
        Assert.Equal(Break, refused.RetryAfter);
        await Assert.ThrowsAsync<CircuitOpenException>(() => after.GetAsync(script.Path));
        Assert.Equal(2, script.Arrivals.Count); // neither reached the server

        clock.Advance(Break);
        using var probe = await after.GetAsync(script.Path);

        Assert.Equal("ok", probe.Body);
        Assert.Equal(CircuitBreakerState.Closed, first.GetCircuitState());
        Assert.Equal(CircuitBreakerState.Closed, options.GetCircuitState());
        // One circuit, so each change is reported once, not once per client.
        Assert.Equal([CircuitBreakerState.Open, CircuitBreakerState.HalfOpen, CircuitBreakerState.Closed], changes);
    }

    [Fact]
    public async Task GetAsync_ClientsBuiltOnSeveralThreads_ShareOneCircuit()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500);
        var options = Options(clock);
        var clients = new HeraldClient[8];
        try
        {
            Parallel.For(0, clients.Length, i => clients[i] = new HeraldClient(options));

            await FailTwiceAsync(clients[0], script);

            Assert.All(clients, c => Assert.Equal(CircuitBreakerState.Open, c.GetCircuitState()));
        }
        finally
        {
            foreach (var client in clients)
            {
                client?.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("AddCircuitBreaker")]
    [InlineData("AddRetry")]
    [InlineData("AddTimeouts")]
    [InlineData("AddStandardResilience")]
    public async Task AddMethod_AfterCircuitOpened_GivesLaterClientsAFreshCircuitAndKeepsEarlierOnes(string method)
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500);
        var options = Options(clock);
        using var earlier = new HeraldClient(options);
        await FailTwiceAsync(earlier, script);

        switch (method)
        {
            case "AddCircuitBreaker": options.AddCircuitBreaker(c => c.BreakDuration = TimeSpan.FromSeconds(60)); break;
            case "AddRetry": options.AddRetry(r => r.MaxRetryAttempts = 0); break;
            case "AddTimeouts": options.AddTimeouts(total: TimeSpan.FromMinutes(5)); break;
            default: options.AddStandardResilience(s => s.Retry.MaxRetryAttempts = 0); break;
        }

        Assert.Equal(CircuitBreakerState.Closed, options.GetCircuitState()); // the circuit the next client gets
        using var later = new HeraldClient(options);

        Assert.Equal(CircuitBreakerState.Closed, later.GetCircuitState());
        using var answered = await later.GetAsync(script.Path);
        Assert.Equal("ok", answered.Body);
        Assert.Equal(3, script.Arrivals.Count);
        Assert.Equal(CircuitBreakerState.Open, earlier.GetCircuitState()); // never sees the change
        await Assert.ThrowsAsync<CircuitOpenException>(() => earlier.GetAsync(script.Path));
        Assert.Equal(3, script.Arrivals.Count);
    }

    [Fact]
    public async Task TimeProvider_ChangedAfterClientsWereBuilt_LaterClientsGetAFreshCircuitOnTheNewClock()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500).Status(500).Status(500);
        var options = Options(clock);
        using var earlier = new HeraldClient(options);
        await FailTwiceAsync(earlier, script);

        var newClock = new ArmingClock();
        options.TimeProvider = newClock;
        using var later = new HeraldClient(options);
        Assert.Equal(CircuitBreakerState.Closed, later.GetCircuitState());
        await FailTwiceAsync(later, script);

        // Each circuit breaks on its own clock: moving the new one ends only the later client's break.
        newClock.Advance(Break);
        using var probe = await later.GetAsync(script.Path);
        Assert.Equal("ok", probe.Body);
        Assert.Equal(CircuitBreakerState.Closed, later.GetCircuitState());
        await Assert.ThrowsAsync<CircuitOpenException>(() => earlier.GetAsync(script.Path));
    }

    [Fact]
    public async Task Logger_ChangedAfterClientsWereBuilt_LaterClientsGetAFreshCircuitThatLogsToIt()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500).Status(500).Status(500);
        var options = Options(clock);
        options.Logging.Logger = new CapturingLogger();
        using var earlier = new HeraldClient(options);
        await FailTwiceAsync(earlier, script);

        var logger = new CapturingLogger();
        options.Logging.Logger = logger;
        using var later = new HeraldClient(options);
        Assert.Equal(CircuitBreakerState.Closed, later.GetCircuitState());
        await FailTwiceAsync(later, script);

        Assert.Contains(logger.Entries, e => e.EventId.Id == 22 && e.Message.Contains("Circuit breaker opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCircuitState_ClientOverCallersHttpClient_ThrowsPointingAtOptionsWhichKnow()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500);
        var options = Options(clock);
        using var client = new HeraldClient(new HttpClient(Chain(options)) { Timeout = Timeout.InfiniteTimeSpan }, options);

        await FailTwiceAsync(client, script);

        var error = Assert.Throws<InvalidOperationException>(() => client.GetCircuitState());
        Assert.Contains("options.GetCircuitState()", error.Message);
        Assert.Equal(CircuitBreakerState.Open, options.GetCircuitState());
        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
    }

    [Fact]
    public void GetCircuitState_OptionsBeforeAnyClient_IsClosed()
    {
        var options = new HeraldClientOptions().AddCircuitBreaker();

        Assert.Equal(CircuitBreakerState.Closed, options.GetCircuitState());
    }

    [Fact]
    public void GetCircuitState_OptionsWithoutCircuitBreaker_Throws()
    {
        var options = new HeraldClientOptions().AddRetry();

        var error = Assert.Throws<InvalidOperationException>(() => options.GetCircuitState());
        Assert.Contains("AddCircuitBreaker", error.Message);
        Assert.Throws<InvalidOperationException>(() => new HeraldClientOptions().GetCircuitState());
    }

    private static async Task FailTwiceAsync(HeraldClient client, ResilienceServer.Script script)
    {
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
            Assert.True(failed.Status >= 500);
        }
    }

    /// <summary>Chains the options' middleware over their transport, as a host such as IHttpClientFactory does.</summary>
    private static HttpMessageHandler Chain(HeraldClientOptions options)
    {
        var middleware = HeraldPipeline.CreateMiddleware(options);
        var inner = HeraldPipeline.CreateTransport(options);
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            middleware[i].InnerHandler = inner;
            inner = middleware[i];
        }

        return inner;
    }

    private HeraldClientOptions Options(ArmingClock clock, Action<CircuitBreakerOptions>? configure = null)
    {
        var options = new HeraldClientOptions
        {
            BaseAddress = fixture.Server.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            TimeProvider = clock,
        };
        options.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
        return options.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 2;
            c.BreakDuration = Break;
            configure?.Invoke(c);
        });
    }
}
