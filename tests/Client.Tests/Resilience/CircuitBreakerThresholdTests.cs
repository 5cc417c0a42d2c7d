using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Resilience;

/// <summary>
/// The exact thresholds of the circuit breaker, as Polly counts them. Polly checks only when an attempt fails, while
/// the circuit is closed: it opens when the window holds at least MinimumThroughput attempts (successes and failures)
/// and the failure share is at least FailureRatio. The window (SamplingDuration of half a second or more) is ten
/// buckets of a tenth of it each; a bucket starts at the first attempt that lands in it and leaves the window, with
/// every attempt in it, once its start is a whole SamplingDuration ago. The fake clock only moves when a test moves
/// it, so every count below is exact.
/// </summary>
public sealed class CircuitBreakerThresholdTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_FailuresBelowTheRatio_KeepItClosedUntilTheRatioIsReached()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript()
            .Status(200).Status(200).Status(200)
            .Status(500).Status(500).Status(500);
        using var client = Client(clock, c =>
        {
            c.FailureRatio = 0.5;
            c.MinimumThroughput = 4;
        });

        // 3 successes, then failures: 1/4 and 2/5 stay below one half.
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(client, script);
        }

        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());

        // 3/6 reaches it.
        await SendAsync(client, script);

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
        Assert.Equal(6, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_FewerAttemptsThanMinimumThroughput_KeepItClosedAtEveryFailure()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503).Status(503).Status(503).Status(503).Status(503);
        using var client = Client(clock, c =>
        {
            c.FailureRatio = 0.5;
            c.MinimumThroughput = 5;
        });

        for (var i = 0; i < 4; i++)
        {
            await SendAsync(client, script);
            Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
        }

        await SendAsync(client, script);

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        Assert.Equal(5, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_FailuresJustInsideTheSamplingWindow_StillCount()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(500).Status(500).Status(500).Status(500);
        using var client = Client(clock, c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 4;
            c.SamplingDuration = TimeSpan.FromSeconds(10);
        });

        for (var i = 0; i < 3; i++)
        {
            await SendAsync(client, script);
        }

        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        await SendAsync(client, script);

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
    }

    [Fact]
    public async Task GetAsync_FailuresOutOfTheSamplingWindow_NoLongerCountBucketByBucket()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript();
        for (var i = 0; i < 6; i++)
        {
            script.Status(500);
        }

        using var client = Client(clock, c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 4;
            c.SamplingDuration = TimeSpan.FromSeconds(10);
        });

        // t = 0 s: two failures in the first bucket.
        await SendAsync(client, script);
        await SendAsync(client, script);

        // t = 5 s: one failure in a later bucket; 3 in the window.
        clock.Advance(TimeSpan.FromSeconds(5));
        await SendAsync(client, script);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());

        // t = 10 s: the first bucket is a whole window old and leaves it. Four failures were made in all, but the
        // window holds 2 (the one of t = 5 s and this one), below the minimum of 4.
        clock.Advance(TimeSpan.FromSeconds(5));
        await SendAsync(client, script);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());

        // The failure of t = 5 s still counts: two more make 4.
        await SendAsync(client, script);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
        await SendAsync(client, script);

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        Assert.Equal(6, script.Arrivals.Count);
    }

    private static async Task SendAsync(HeraldClient client, ResilienceServer.Script script)
    {
        using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
    }

    private HeraldClient Client(ArmingClock clock, Action<CircuitBreakerOptions> configure) => new(o =>
    {
        o.BaseAddress = fixture.Server.BaseAddress;
        o.Timeout = Timeout.InfiniteTimeSpan;
        o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
        o.TimeProvider = clock;
        o.AddCircuitBreaker(configure);
    });
}
