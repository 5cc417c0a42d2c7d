using System.Collections.Concurrent;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Resilience;

public sealed class CircuitBreakerTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_BurstOfFailures_OpensFailsFastHalfOpensAndClosesOnGoodProbe()
    {
        var clock = new ArmingClock();
        var changes = new ConcurrentQueue<CircuitStateChange>();
        var script = fixture.NewScript().Status(500).Status(503).Status(500).Status(502);
        using var client = Client(clock, o => o.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 0.5;
            c.MinimumThroughput = 4;
            c.BreakDuration = TimeSpan.FromSeconds(30);
            c.OnStateChange = changes.Enqueue;
        }));

        for (var i = 0; i < 4; i++)
        {
            using var failed = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
            Assert.True(failed.Status >= 500);
        }

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        var open = Assert.Single(changes);
        Assert.Equal(CircuitBreakerState.Open, open.State);
        Assert.Equal(TimeSpan.FromSeconds(30), open.BreakDuration);
        Assert.Equal(502, open.Status);

        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
        Assert.Equal(CircuitBreakerState.Open, refused.State);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.Contains("was not sent", refused.Message);
        Assert.Contains("circuit breaker is open", refused.Message);
        Assert.Equal(4, script.Arrivals.Count); // failed fast: never reached the server

        clock.Advance(TimeSpan.FromSeconds(30));
        using var probe = await client.GetAsync(script.Path);

        Assert.Equal("ok", probe.Body);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
        Assert.Equal(
            [CircuitBreakerState.Open, CircuitBreakerState.HalfOpen, CircuitBreakerState.Closed],
            changes.Select(c => c.State));
        Assert.Equal(5, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_FailedProbe_OpensAgain()
    {
        var clock = new ArmingClock();
        var changes = new ConcurrentQueue<CircuitBreakerState>();
        var script = fixture.NewScript().Status(500).Status(500).Status(500);
        using var client = Client(clock, o => o.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 2;
            c.BreakDuration = TimeSpan.FromSeconds(5);
            c.OnStateChange = change => changes.Enqueue(change.State);
        }));

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        using (var probe = await client.GetAsync(script.Path, r => r.ThrowOnError(false)))
        {
            Assert.Equal(500, probe.Status);
        }

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        Assert.Equal([CircuitBreakerState.Open, CircuitBreakerState.HalfOpen, CircuitBreakerState.Open], changes);
        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
        Assert.Equal(3, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_TransportErrors_CountAsFailures()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Reset().Reset();
        using var client = Client(clock, o => o.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 2;
        }));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(script.Path));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(script.Path));

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
    }

    [Fact]
    public async Task GetAsync_404_DoesNotCountByDefault()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(404).Status(404).Status(404);
        using var client = Client(clock, o => o.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 2;
        }));

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
            Assert.Equal(404, response.Status);
        }

        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
    }

    [Fact]
    public async Task GetAsync_CustomFailureStatuses_Count()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(404).Status(404);
        using var client = Client(clock, o => o.AddCircuitBreaker(c =>
        {
            c.FailureRatio = 1;
            c.MinimumThroughput = 2;
            c.IsFailureStatus = s => s == 404;
        }));

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
        }

        Assert.Equal(CircuitBreakerState.Open, client.GetCircuitState());
    }

    [Fact]
    public async Task GetAsync_RetryInsideOpenCircuit_IsNotRetried()
    {
        // Each attempt counts; once the circuit opens, the retry stops instead of hammering the refusal.
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503).Status(503).Status(503).Status(503);
        using var client = Client(clock, o => o
            .AddRetry(r => r.Delay = TimeSpan.Zero)
            .AddCircuitBreaker(c =>
            {
                c.FailureRatio = 1;
                c.MinimumThroughput = 2;
            }));

        await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));

        Assert.Equal(2, script.Arrivals.Count);
    }

    [Fact]
    public void GetCircuitState_WithoutCircuitBreaker_Throws()
    {
        using var client = new HeraldClient(o => o.AddRetry());

        var error = Assert.Throws<InvalidOperationException>(() => client.GetCircuitState());
        Assert.Contains("AddCircuitBreaker", error.Message);
    }

    [Theory]
    [InlineData("FailureRatio")]
    [InlineData("MinimumThroughput")]
    [InlineData("SamplingDuration")]
    [InlineData("BreakDuration")]
    [InlineData("IsFailureStatus")]
    public void AddCircuitBreaker_InvalidOption_ThrowsNamingIt(string property)
    {
        var options = new HeraldClientOptions();

        var error = Assert.ThrowsAny<ArgumentException>(() => options.AddCircuitBreaker(c =>
        {
            switch (property)
            {
                case "FailureRatio": c.FailureRatio = 0; break;
                case "MinimumThroughput": c.MinimumThroughput = 1; break;
                case "SamplingDuration": c.SamplingDuration = TimeSpan.FromMilliseconds(100); break;
                case "BreakDuration": c.BreakDuration = TimeSpan.Zero; break;
                default: c.IsFailureStatus = null!; break;
            }
        }));

        Assert.Equal("CircuitBreakerOptions." + property, error.ParamName);
        Assert.Contains("CircuitBreakerOptions." + property, error.Message);
    }

    private HeraldClient Client(ArmingClock clock, Action<HeraldClientOptions> configure) => new(o =>
    {
        o.BaseAddress = fixture.Server.BaseAddress;
        o.Timeout = Timeout.InfiniteTimeSpan;
        o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
        o.TimeProvider = clock;
        configure(o);
    });
}
