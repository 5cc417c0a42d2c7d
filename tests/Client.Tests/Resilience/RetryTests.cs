using System.Globalization;
using System.Text;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Resilience;

public sealed class RetryTests(ResilienceServer fixture) : IClassFixture<ResilienceServer>
{
    [Fact]
    public async Task GetAsync_503Then503Then200_RetriesAndReportsAttempts()
    {
        var script = fixture.NewScript().Status(503).Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path);

        Assert.Equal(200, response.Status);
        Assert.Equal("ok", response.Body);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, script.Arrivals.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task GetAsync_TransientStatus_IsRetried(int status)
    {
        var script = fixture.NewScript().Status(status);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, response.Attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task GetAsync_OtherErrorStatus_IsNotRetried(int status)
    {
        var script = fixture.NewScript().Status(status);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync(script.Path));

        Assert.Equal(status, error.Status);
        Assert.Equal(1, error.Response.Attempts);
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task PostAsync_503_IsNotRetriedByDefault()
    {
        var script = fixture.NewScript().Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<HeraldHttpException>(() => client.PostAsync(script.Path, r => r.Body("order")));

        Assert.Equal(503, error.Status);
        Assert.Single(script.Arrivals);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("HEAD")]
    public async Task SendAsync_IdempotentMethod_IsRetried(string method)
    {
        var script = fixture.NewScript().Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.SendAsync(method, script.Path);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, response.Attempts);
        Assert.All(script.Arrivals, a => Assert.Equal(method, a.Method));
    }

    [Fact]
    public async Task PostAsync_RequestRetry_IsRetriedWithTheSameBody()
    {
        var script = fixture.NewScript().Status(503).Status(502);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.PostAsync(script.Path, r => r.Retry().Body("{\"id\":7}", contentType: "application/json"));

        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(["{\"id\":7}", "{\"id\":7}", "{\"id\":7}"], script.Arrivals.Select(a => a.Body));
    }

    [Fact]
    public async Task GetAsync_RequestNoRetry_SendsOnce()
    {
        var script = fixture.NewScript().Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync(script.Path, r => r.NoRetry()));

        Assert.Equal(503, error.Status);
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task GetAsync_AlwaysFailing_StopsAfterMaxRetryAttemptsWithTheLastResponse()
    {
        var script = fixture.NewScript().Status(503, "one").Status(503, "two").Status(503, "three").Status(503, "four");
        using var client = Client(o => o.AddRetry(r =>
        {
            r.Delay = TimeSpan.Zero;
            r.MaxRetryAttempts = 2;
        }));

        using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));

        Assert.Equal(503, response.Status);
        Assert.Equal("three", response.Body);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(3, script.Arrivals.Count);
    }

    [Fact]
    public async Task GetAsync_RequestRetryCount_OverridesTheClients()
    {
        var script = fixture.NewScript().Status(503).Status(503).Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path, r => r.Retry(1).ThrowOnError(false));

        Assert.Equal(503, response.Status);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task GetAsync_CustomPredicate_DecidesWhatIsRetried()
    {
        var script = fixture.NewScript().Status(409).Status(503);
        RetryContext? seen = null;
        using var client = Client(o => o.AddRetry(r =>
        {
            r.Delay = TimeSpan.Zero;
            r.ShouldRetry = c =>
            {
                seen ??= c;
                return c.Status == 409;
            };
        }));

        using var response = await client.GetAsync(script.Path, r => r.ThrowOnError(false));

        Assert.Equal(503, response.Status);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, seen!.Value.AttemptNumber);
        Assert.True(seen.Value.IsIdempotent);
        Assert.Equal(HttpMethod.Get, seen.Value.Method);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetBeforeAnswer_IsRetried()
    {
        var script = fixture.NewScript().Reset();
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path);

        Assert.Equal("ok", response.Body);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetMidBody_IsRetried()
    {
        var headers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var responses = 0;
        var script = fixture.NewScript().ResetMidBody(headers.Task);
        using var client = Client(o =>
        {
            o.Logging.OnResponse((_, _) =>
            {
                Interlocked.Increment(ref responses);
                headers.TrySetResult();
                return ValueTask.CompletedTask;
            });
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });

        using var response = await client.GetAsync(script.Path);

        Assert.Equal("ok", response.Body);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Volatile.Read(ref responses)); // the first attempt had its headers: the break was mid-body
    }

    [Fact]
    public async Task GetAsync_ConnectionResetMidBodyOfStreamedResponse_FailsWhenRead()
    {
        // A streamed body is the caller's to read after the call returns: a break there is not an attempt's failure.
        var headers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var script = fixture.NewScript().ResetMidBody(headers.Task);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path, r => r.As(ResponseBodyKind.Stream));
        headers.TrySetResult();
        var stream = (Stream)response.Body!;

        await Assert.ThrowsAnyAsync<IOException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Equal(1, response.Attempts);
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task PostAsync_ConnectionReset_IsNotRetriedByDefault()
    {
        var script = fixture.NewScript().Reset();
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(script.Path, r => r.Body("x")));

        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task GetAsync_RetryAfterSeconds_WaitsThatLong()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503, headers: h => h.RetryAfter = "7");
        using var client = Client(o => o.AddRetry(r => r.UseJitter = false), clock);

        var call = client.GetAsync(script.Path);
        await script.NextArrivalAsync();
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));
        Assert.Equal(1, clock.ArmedTimers); // not yet
        clock.Advance(TimeSpan.FromTicks(1));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(200, response.Status);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.ArmedDelays);
    }

    [Fact]
    public async Task GetAsync_RetryAfterDate_WaitsUntilThen()
    {
        var clock = new ArmingClock();
        var at = clock.GetUtcNow().AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        var script = fixture.NewScript().Status(503, headers: h => h.RetryAfter = at);
        using var client = Client(o => o.AddRetry(r => r.UseJitter = false), clock);

        var call = client.GetAsync(script.Path);
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(20));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(200, response.Status);
        Assert.Equal([TimeSpan.FromSeconds(20)], clock.ArmedDelays);
    }

    [Fact]
    public async Task GetAsync_RetryAfterBeyondMaxDelay_IsCapped()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(429, headers: h => h.RetryAfter = "3600");
        using var client = Client(o => o.AddRetry(r => r.MaxDelay = TimeSpan.FromSeconds(10)), clock);

        var call = client.GetAsync(script.Path);
        await clock.WaitForArmedTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(200, response.Status);
        Assert.Equal([TimeSpan.FromSeconds(10)], clock.ArmedDelays);
    }

    [Theory]
    [InlineData(RetryBackoff.Constant, new[] { 1.0, 1.0, 1.0 })]
    [InlineData(RetryBackoff.Linear, new[] { 1.0, 2.0, 3.0 })]
    [InlineData(RetryBackoff.Exponential, new[] { 1.0, 2.0, 4.0 })]
    public async Task GetAsync_Backoff_GrowsTheDelays(RetryBackoff backoff, double[] seconds)
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503).Status(503).Status(503);
        using var client = Client(o => o.AddRetry(r =>
        {
            r.Backoff = backoff;
            r.Delay = TimeSpan.FromSeconds(1);
            r.UseJitter = false;
        }), clock);

        var call = client.GetAsync(script.Path);
        foreach (var s in seconds)
        {
            await clock.WaitForArmedTimersAsync(1);
            clock.Advance(TimeSpan.FromSeconds(s));
        }

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal(4, response.Attempts);
        Assert.Equal(seconds.Select(TimeSpan.FromSeconds), clock.ArmedDelays);
    }

    [Fact]
    public async Task GetAsync_Jitter_KeepsDelaysUnderMaxDelay()
    {
        var clock = new ArmingClock();
        var script = fixture.NewScript().Status(503).Status(503).Status(503);
        using var client = Client(o => o.AddRetry(r => r.MaxDelay = TimeSpan.FromSeconds(3)), clock);

        var call = client.GetAsync(script.Path);
        for (var i = 0; i < 3; i++)
        {
            await clock.WaitForArmedTimersAsync(1);
            clock.Advance(TimeSpan.FromSeconds(3));
        }

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal(4, response.Attempts);
        Assert.Equal(3, clock.ArmedDelays.Count);
        Assert.All(clock.ArmedDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task GetAsync_ConstantBackoffWithJitter_DelaysDifferBetweenAttemptsWithinAQuarterOfTheDelay()
    {
        // Polly spreads a constant (or linear) delay uniformly over ±25% of it. 20 delays drawn from a continuous
        // range are all equal only if the random source is broken, so this cannot fail by chance.
        const int retries = 20;
        var clock = new ArmingClock();
        var script = fixture.NewScript();
        for (var i = 0; i < retries; i++)
        {
            script.Status(503);
        }

        using var client = Client(o => o.AddRetry(r =>
        {
            r.MaxRetryAttempts = retries;
            r.Backoff = RetryBackoff.Constant;
            r.Delay = TimeSpan.FromSeconds(1);
        }), clock);

        var call = client.GetAsync(script.Path);
        for (var i = 1; i <= retries; i++)
        {
            await clock.WaitForArmedDelaysAsync(i);
            clock.Advance(clock.ArmedDelays[^1]);
        }

        using var response = await call.WaitAsync(SignalServer.Guard);
        Assert.Equal(retries + 1, response.Attempts);
        Assert.Equal(retries, clock.ArmedDelays.Count);
        Assert.All(clock.ArmedDelays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1250)));
        Assert.True(clock.ArmedDelays.Distinct().Count() > 1, $"All {retries} delays were {clock.ArmedDelays[0]}: no jitter.");
    }

    [Fact]
    public async Task GetAsync_ExponentialBackoffWithJitter_FirstDelayDiffersBetweenCalls()
    {
        // The default backoff with jitter is Polly's decorrelated jitter: the first delay falls anywhere from 0 to
        // about 1.38 times Delay (2^t·tanh(√(4t))/1.4 for t in [0, 1)). 20 calls whose first waits are all equal
        // would mean no jitter at all.
        const int calls = 20;
        var clock = new ArmingClock();
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.FromSeconds(1)), clock);

        for (var i = 1; i <= calls; i++)
        {
            var script = fixture.NewScript().Status(503);
            var call = client.GetAsync(script.Path);
            await clock.WaitForArmedDelaysAsync(i);
            clock.Advance(clock.ArmedDelays[^1]);

            using var response = await call.WaitAsync(SignalServer.Guard);
            Assert.Equal(2, response.Attempts);
        }

        Assert.Equal(calls, clock.ArmedDelays.Count);
        Assert.All(clock.ArmedDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(1.4)));
        Assert.True(clock.ArmedDelays.Distinct().Count() > 1, $"All {calls} first delays were {clock.ArmedDelays[0]}: no jitter.");
    }

    [Fact]
    public async Task PutAsync_ReadOnceBodyLargerThanReplayCap_IsNotRetriedAndSaysSo()
    {
        var script = fixture.NewScript().Status(503);
        using var client = Client(o =>
        {
            o.MaxReplayBufferBytes = 16;
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });
        var body = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 1000))));

        var error = await Assert.ThrowsAsync<HeraldRetryException>(() => client.PutAsync(script.Path, r => r.Body(body)));

        Assert.Contains("was not retried", error.Message);
        Assert.Contains("read once only", error.Message);
        Assert.Contains("MaxReplayBufferBytes", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Single(script.Arrivals);
    }

    [Fact]
    public async Task PutAsync_ReadOnceBodyWithinReplayCap_IsReplayed()
    {
        var script = fixture.NewScript().Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));
        var body = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes("stream body")));

        using var response = await client.PutAsync(script.Path, r => r.Body(body));

        Assert.Equal(2, response.Attempts);
        Assert.Equal(["stream body", "stream body"], script.Arrivals.Select(a => a.Body));
    }

    [Fact]
    public async Task GetAsync_DiscardedResponses_AreDisposed()
    {
        // One connection only, and a large 503 body left unread: the retry gets the connection only if the
        // discarded response was disposed.
        var big = new string('e', 512 * 1024);
        var script = fixture.NewScript().Status(503, big).Status(503, big);
        using var client = Client(o =>
        {
            o.Transport.MaxConnectionsPerServer = 1;
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });

        using var response = await client.GetAsync(script.Path, r => r.As(ResponseBodyKind.Stream)).WaitAsync(SignalServer.Guard);

        Assert.Equal(200, response.Status);
        Assert.Equal(3, response.Attempts);
    }

    [Fact]
    public async Task GetAsync_RetryAfterRedirect_TraceShowsTheLastAttemptOnly()
    {
        var target = fixture.NewScript();
        var script = fixture.NewScript()
            .Status(302, headers: h => h.Location = target.Path)
            .Status(302, headers: h => h.Location = target.Path);
        target.Status(503);
        using var client = Client(o => o.AddRetry(r => r.Delay = TimeSpan.Zero));

        using var response = await client.GetAsync(script.Path);

        Assert.Equal(2, response.Attempts);
        Assert.Equal([fixture.Server.Url(target.Path)], response.RedirectTrace);
    }

    [Fact]
    public void AddRetry_Installs_OutsideRedirects()
    {
        var options = new HeraldClientOptions().AddRetry();

        Assert.Equal(HeraldMiddleware.Resilience, options.Middleware.Names.First());
        Assert.Equal(HeraldMiddleware.Redirects, options.Middleware.Names.ElementAt(1));
    }

    [Fact]
    public async Task GetAsync_Retrying_IsLogged()
    {
        var script = fixture.NewScript().Status(503);
        var logger = new CapturingLogger();
        using var client = Client(o =>
        {
            o.Logging.Logger = logger;
            o.AddRetry(r => r.Delay = TimeSpan.Zero);
        });

        using var response = await client.GetAsync(script.Path + "?secret=1");

        var line = Assert.Single(logger.Entries.Select(e => e.Message), m => m.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains("answered 503", line);
        Assert.DoesNotContain("secret", line);
    }

    private HeraldClient Client(Action<HeraldClientOptions> configure, TimeProvider? clock = null) => new(o =>
    {
        o.BaseAddress = fixture.Server.BaseAddress;
        o.Timeout = Timeout.InfiniteTimeSpan;
        o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
        if (clock is not null)
        {
            o.TimeProvider = clock;
        }

        configure(o);
    });
}
