using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Resilience;

public sealed class ResilienceTimeoutTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_ServerNeverAnswers_AttemptTimeoutRetriesThenTotalTimeoutEnds()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Hang().Hang().Hang().Hang();
        using var client = Client(clock, o => o
            .AddTimeouts(total: TimeSpan.FromSeconds(10), perAttempt: TimeSpan.FromSeconds(3))
            .AddRetry(r =>
            {
                r.Backoff = RetryBackoff.Constant;
                r.Delay = TimeSpan.FromSeconds(1);
                r.UseJitter = false;
                r.MaxRetryAttempts = 5;
            }));

        var call = client.GetAsync(script.Path);

        // t=0 attempt 1 → t=3 its timeout → t=4 attempt 2 → t=7 its timeout → t=8 attempt 3 → t=10 the total timeout.
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(2); // total + attempt
        clock.Advance(TimeSpan.FromSeconds(3));
        await clock.WaitForArmedTimersAsync(2); // total + retry delay
        clock.Advance(TimeSpan.FromSeconds(1));
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(3));
        await clock.WaitForArmedTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(1));
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Equal(TimeSpan.FromSeconds(10), error.Limit);
        Assert.Contains("timed out after 10 s", error.Message);
        Assert.Contains("total timeout", error.Message);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(3, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_AttemptTimeoutWithoutRetry_NamesThePerAttemptLimit()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Hang();
        using var client = Client(clock, o => o.AddTimeouts(perAttempt: TimeSpan.FromSeconds(2)));

        var call = client.GetAsync(script.Path);
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<HeraldTimeoutException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Equal(TimeSpan.FromSeconds(2), error.Limit);
        Assert.Contains("per-attempt timeout ran out on attempt 1", error.Message);
        Assert.Contains("AddTimeouts(perAttempt", error.Message);
        Assert.IsAssignableFrom<TimeoutException>(error);
    }

    [Fact]
    public async Task GetAsync_AttemptTimesOutThenServerAnswers_RetrySucceeds()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Hang();
        using var client = Client(clock, o => o
            .AddTimeouts(perAttempt: TimeSpan.FromSeconds(2))
            .AddRetry(r => r.Delay = TimeSpan.Zero));

        var call = client.GetAsync(script.Path);
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(2));

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal("ok", response.Body);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task GetAsync_BodyStallsPastAttemptTimeout_IsAnAttemptFailure()
    {
        // The attempt covers the body the caller will buffer: headers in time, then nothing, is a timeout too.
        var clock = new ArmingClock();
        var headers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = fixture.NewScript().Then(async ctx =>
        {
            ctx.Response.ContentLength = 10;
            await ctx.Response.Body.WriteAsync(new byte[2]);
            await ctx.Response.Body.FlushAsync();
            await new TaskCompletionSource().Task.WaitAsync(SignalServer.Guard, ctx.RequestAborted).ContinueWith(_ => { });
        });
        using var client = Client(clock, o =>
        {
            o.Logging.OnResponse((_, _) =>
            {
                headers.TrySetResult();
                return ValueTask.CompletedTask;
            });
            o.AddTimeouts(perAttempt: TimeSpan.FromSeconds(2)).AddRetry(r => r.Delay = TimeSpan.Zero);
        });

        var call = client.GetAsync(script.Path);
        await headers.Task.WaitAsync(SignalServer.Guard);
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(2));

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal("ok", response.Body);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_StaysOperationCanceled()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Hang();
        using var client = Client(clock, o => o.AddStandardResilience());
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync(script.Path, cancellationToken: cancel.Token);
        await script.NextArrivalAsync();
        cancel.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task GetAsync_CallerCancelsDuringRetryDelay_StaysOperationCanceled()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503);
        using var client = Client(clock, o => o.AddRetry());
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync(script.Path, cancellationToken: cancel.Token);
        await clock.WaitForArmedTimersAsync(1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public void AddTimeouts_Invalid_ThrowsNamingTheLimit()
    {
        var options = new HeraldClientOptions();

        Assert.Throws<ArgumentException>(() => options.AddTimeouts());
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => options.AddTimeouts(total: TimeSpan.Zero));
        Assert.Equal("total", zero.ParamName);
        var inverted = Assert.Throws<ArgumentOutOfRangeException>(
            () => options.AddTimeouts(total: TimeSpan.FromSeconds(1), perAttempt: TimeSpan.FromSeconds(5)));
        Assert.Contains("must not exceed the total timeout", inverted.Message);
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
