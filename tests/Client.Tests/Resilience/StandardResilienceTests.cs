using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Resilience;

public sealed class StandardResilienceTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_Standard_Retries503WithBackoffUnderTheTotalTimeout()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503).Status(503);
        using var client = Client(clock, o => o.AddStandardResilience());

        var call = client.GetAsync(script.Path);

        // Armed in turn: the total timeout, then per attempt its timeout and, after its 503, the retry delay.
        await clock.WaitForArmedDelaysAsync(3);
        clock.Advance(clock.ArmedDelays[^1]);
        await clock.WaitForArmedDelaysAsync(5);
        clock.Advance(clock.ArmedDelays[^1]);

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(30), clock.ArmedDelays[0]); // total
        Assert.Equal(TimeSpan.FromSeconds(10), clock.ArmedDelays[1]); // first attempt
        Assert.Equal(TimeSpan.FromSeconds(10), clock.ArmedDelays[3]); // second attempt
    }

    [Fact]
    public async Task GetAsync_StandardUnderABurstOf503_CircuitOpensAtItsDefaultsAndFailsFast()
    {
        // The circuit breaker's defaults (10% over 30 s, at least 100 attempts) as they are; only the retry waits are
        // zero, so the burst needs no clock moves. Each call makes 4 attempts (3 retries), each one counted.
        var clock = new ArmingClock();
        var script = fixture.NewScript();
        for (var i = 0; i < 100; i++)
        {
            script.Status(503);
        }

        using var client = Client(clock, o => o.AddStandardResilience(s => s.Retry.Delay = TimeSpan.Zero));

        for (var call = 1; call <= 25; call++)
        {
            using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));
            Assert.Equal(503, response.Status);
            Assert.Equal(4, response.Attempts);

            // 96 failed attempts are still below the minimum throughput; the 100th opens the circuit.
            Assert.Equal(call < 25 ? CircuitBreakerState.Closed : CircuitBreakerState.Open, client.GetCircuitState());
        }

        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => client.GetAsync(script.Path));
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.Equal(100, script.Arrivals.Count); // failed fast: the server saw nothing more
    }

    [Fact]
    public async Task GetAsync_StandardThenAddRetry_ConfiguresTheSameRetry()
    {
        var script = fixture.NewScript().Status(503).Status(503);
        var options = new HeraldClientOptions { BaseAddress = fixture.Server.BaseAddress }
            .AddStandardResilience()
            .AddRetry(r =>
            {
                r.MaxRetryAttempts = 1;
                r.Delay = TimeSpan.Zero;
            });
        using var client = new HeraldClient(options);

        using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));

        Assert.Equal(503, response.Status);
        Assert.Equal(2, response.Attempts);
        Assert.Single(options.Middleware.Names, n => n == HeraldMiddleware.Resilience);
        Assert.Equal(CircuitBreakerState.Closed, client.GetCircuitState());
    }

    [Fact]
    public void AddMethods_InAnyOrder_InstallOneMiddlewareAboveRedirects()
    {
        var options = new HeraldClientOptions();
        options.Middleware.Insert(0, "mine", () => new PassThrough());

        options.AddTimeouts(total: TimeSpan.FromSeconds(5)).AddCircuitBreaker().AddRetry();

        Assert.Equal(["mine", "resilience", "redirects", "auth", "cookies", "decompression", "logging"], options.Middleware.Names);
    }

    [Fact]
    public void AddStandardResilience_AttemptTimeoutAboveTotal_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddStandardResilience(o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(6);
        }));

        Assert.Equal("StandardResilienceOptions.AttemptTimeout", error.ParamName);
    }

    [Fact]
    public void AddStandardResilience_InvalidRetry_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new HeraldClientOptions().AddStandardResilience(o => o.Retry.MaxRetryAttempts = -1));

        Assert.Equal("StandardResilienceOptions.Retry.MaxRetryAttempts", error.ParamName);
    }

    [Theory]
    [InlineData("MaxRetryAttempts")]
    [InlineData("Backoff")]
    [InlineData("Delay")]
    [InlineData("MaxDelay")]
    [InlineData("ShouldRetry")]
    public void AddRetry_InvalidOption_ThrowsNamingIt(string property)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new HeraldClientOptions().AddRetry(r =>
        {
            switch (property)
            {
                case "MaxRetryAttempts": r.MaxRetryAttempts = -1; break;
                case "Backoff": r.Backoff = (RetryBackoff)42; break;
                case "Delay": r.Delay = TimeSpan.FromSeconds(-1); break;
                case "MaxDelay": r.MaxDelay = TimeSpan.Zero; break;
                default: r.ShouldRetry = null!; break;
            }
        }));

        Assert.Equal("RetryOptions." + property, error.ParamName);
    }

    [Fact]
    public void NewClient_OptionChangedAfterAdd_IsCheckedWhenBuilt()
    {
        RetryOptions? kept = null;
        var options = new HeraldClientOptions().AddRetry(r => kept = r);
        kept!.MaxDelay = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(options));
        Assert.Equal("RetryOptions.MaxDelay", error.ParamName);
    }

    private HeraldClient Client(ArmingClock clock, Action<HeraldClientOptions> configure) => new(o =>
    {
        o.BaseAddress = fixture.Server.BaseAddress;
        o.Timeout = Timeout.InfiniteTimeSpan;
        o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
        o.TimeProvider = clock;
        configure(o);
    });

    private sealed class PassThrough : DelegatingHandler;
}
