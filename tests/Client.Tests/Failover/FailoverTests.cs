using System.Net;
using Herald.Client.Tests.Infrastructure;
using Herald.Client.Tests.LoadBalancing.Support;

namespace Herald.Client.Tests.Failover;

public sealed class FailoverTests : ThreeTargetsTest
{
    [Fact]
    public async Task SendAsync_FirstTargetAnswers503_TheNextServes()
    {
        A.Status = 503;
        using var client = Client(A.Target, B.Target);

        using var response = await client.GetAsync("orders/7");

        Assert.Equal("b GET /api/orders/7", response.Body);
        Assert.Equal(B.Target, response.Target);
        var failure = Assert.Single(response.FailedTargets);
        Assert.Equal((TargetFailureKind.Status, 503, A.Target), (failure.Kind, failure.Status, failure.Target));
        Assert.Contains("503 Service Unavailable", failure.Reason);
    }

    [Theory]
    [InlineData(501, "501 Not Implemented")]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(504, "504 Gateway Timeout")]
    public async Task SendAsync_FirstTargetAnswersADefaultFailoverStatus_TheNextServes(int status, string reason)
    {
        A.Status = status;
        using var client = Client(A.Target, B.Target); // default options: only the targets

        using var response = await client.GetAsync("orders/7");

        Assert.Equal(200, response.Status);
        Assert.Equal("b GET /api/orders/7", response.Body);
        Assert.Equal((1, 1), (A.Hits, B.Hits));
        var failure = Assert.Single(response.FailedTargets);
        Assert.Equal((TargetFailureKind.Status, status, A.Target), (failure.Kind, failure.Status, failure.Target));
        Assert.Contains(reason, failure.Reason);
    }

    [Fact]
    public async Task SendAsync_FirstTargetRefusesConnection_TheNextServes()
    {
        var down = TargetServer.ClosedTarget();
        using var client = Client(down, B.Target);

        using var response = await client.PostAsync("orders", r => r.JsonBody(new { id = 7 }));

        Assert.Equal("b POST /api/orders {\"id\":7}", response.Body);
        Assert.Equal(TargetFailureKind.Transport, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_PostResetAfterItLeft_IsNotSentToTheNextTarget()
    {
        A.Behavior = TargetBehavior.ReadThenReset;
        using var client = Client(A.Target, B.Target);

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.PostAsync("orders", r => r.JsonBody(new { id = 7 })));

        Assert.Equal([TargetFailureKind.Transport, TargetFailureKind.MayHaveBeenProcessed], ex.Failures.Select(f => f.Kind));
        Assert.Equal(0, B.Hits);
        Assert.Contains("request.Retry()", ex.Message);
    }

    [Fact]
    public async Task SendAsync_PostMarkedRetryResetAfterItLeft_TheNextServes()
    {
        A.Behavior = TargetBehavior.ReadThenReset;
        using var client = Client(A.Target, B.Target);

        using var response = await client.PostAsync("orders", r => r.JsonBody(new { id = 7 }).Retry());

        Assert.Equal("b POST /api/orders {\"id\":7}", response.Body);
        Assert.Equal(TargetFailureKind.Transport, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_PostAnswered503_TheNextServesAsInBallerina()
    {
        // The target answered: 503 says it did not act, so a failover status moves any method on.
        A.Status = 503;
        using var client = Client(A.Target, B.Target);

        using var response = await client.PostAsync("orders", r => r.JsonBody(new { id = 7 }));

        Assert.Equal("b POST /api/orders {\"id\":7}", response.Body);
        Assert.Equal(TargetFailureKind.Status, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_StatusNotInTheSet_IsReturnedAsItIs()
    {
        A.Status = 500;
        using var client = Client(A.Target, B.Target);

        using var response = await client.GetAsync("x", r => r.ThrowOnError(false));

        Assert.Equal(500, response.Status);
        Assert.Equal(0, B.Hits);
    }

    [Fact]
    public async Task SendAsync_CustomStatusSet_FailsOverOnIt()
    {
        A.Status = 500;
        using var client = new HeraldClient(o => o.AddFailover(f =>
        {
            f.Targets.Add(A.Target);
            f.Targets.Add(B.Target);
            f.FailoverStatusCodes.Add(500);
        }));

        using var response = await client.GetAsync("x");

        Assert.Equal(B.Target, response.Target);
    }

    [Fact]
    public async Task SendAsync_StartsFromTheLastTargetThatWorked()
    {
        A.Status = 503;
        using var client = Client(A.Target, B.Target, C.Target);

        using var first = await client.GetAsync("x");       // a 503 → b
        A.Status = 200;
        using var second = await client.GetAsync("x");      // straight to b, a is not asked
        B.Behavior = TargetBehavior.Reset;
        using var third = await client.GetAsync("x");       // b fails → c
        using var fourth = await client.GetAsync("x");      // straight to c

        Assert.Equal(new[] { B.Target, B.Target, C.Target, C.Target }, new[] { first.Target!, second.Target!, third.Target!, fourth.Target! });
        Assert.Equal(1, A.Hits);
        Assert.Empty(second.FailedTargets);
        Assert.Empty(fourth.FailedTargets);
        C.Status = 502;
        using var fifth = await client.GetAsync("x");       // c 502 → wraps around to a
        Assert.Equal(A.Target, fifth.Target);
        Assert.Equal(2, A.Hits);
    }

    [Fact]
    public async Task SendAsync_EveryTargetFails_ThrowsOneExceptionListingEachStatusOrError()
    {
        A.Status = 503;
        B.Status = 504;
        var down = TargetServer.ClosedTarget();
        using var client = Client(A.Target, B.Target, down);

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.GetAsync("x"));

        Assert.Equal([A.Target, B.Target, down], ex.Failures.Select(f => f.Target));
        Assert.Equal([503, 504, null], ex.Failures.Select(f => f.Status));
        Assert.Equal([TargetFailureKind.Status, TargetFailureKind.Status, TargetFailureKind.Transport], ex.Failures.Select(f => f.Kind));
        Assert.Contains("→ 503 Service Unavailable", ex.Message);
        Assert.Contains("→ 504 Gateway Timeout", ex.Message);
        Assert.Contains("→ ConnectionError", ex.Message);
        Assert.Equal(HttpRequestError.Unknown, ex.HttpRequestError);
    }

    [Fact]
    public async Task SendAsync_FailingResponses_AreDisposedSoTheirConnectionsAreFree()
    {
        A.Status = 503;
        using var client = new HeraldClient(o =>
        {
            o.Transport.MaxConnectionsPerServer = 1; // a 503 still holding its connection would block the next call to a
            o.AddFailover(f =>
            {
                f.Targets.Add(A.Target);
                f.Targets.Add(B.Target);
            });
        });

        for (var i = 0; i < 3; i++)
        {
            B.Status = 503;
            await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.GetAsync("x").WaitAsync(SignalServer.Guard));
        }

        Assert.Equal(3, A.Hits);
    }

    [Fact]
    public async Task SendAsync_Interval_WaitsOnTheClientClockBetweenTargets()
    {
        var clock = new ManualTimeProvider();
        A.Status = 503;
        using var client = new HeraldClient(o =>
        {
            o.TimeProvider = clock;
            o.Timeout = Timeout.InfiniteTimeSpan;          // so the only timer is the interval's
            o.Transport.ReadTimeout = Timeout.InfiniteTimeSpan;
            o.AddFailover(f =>
            {
                f.Targets.Add(A.Target);
                f.Targets.Add(B.Target);
                f.Interval = TimeSpan.FromSeconds(10);
            });
        });

        var call = client.GetAsync("x");
        await WaitUntilArmed(clock);
        Assert.Equal(1, A.Hits);
        Assert.Equal(0, B.Hits);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(call.IsCompleted);
        Assert.Equal(0, B.Hits);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(B.Target, response.Target);
    }

    [Fact]
    public async Task SendAsync_TargetNeverAnswers_AttemptTimeoutMovesOn()
    {
        var clock = new ManualTimeProvider();
        A.Behavior = TargetBehavior.Hang;
        using var client = new HeraldClient(o =>
        {
            o.TimeProvider = clock;
            o.AddFailover(f =>
            {
                f.Targets.Add(A.Target);
                f.Targets.Add(B.Target);
                f.AttemptTimeout = TimeSpan.FromSeconds(2);
            });
        });

        var call = client.GetAsync("x");
        await A.Arrived.Task.WaitAsync(SignalServer.Guard);
        clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(B.Target, response.Target);
        Assert.Contains("FailoverOptions.AttemptTimeout", Assert.Single(response.FailedTargets).Reason);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_DoesNotMoveOn()
    {
        A.Behavior = TargetBehavior.Hang;
        using var client = Client(A.Target, B.Target);
        using var cts = new CancellationTokenSource();

        var call = client.GetAsync("x", cancellationToken: cts.Token);
        await A.Arrived.Task.WaitAsync(SignalServer.Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Equal(0, B.Hits);
    }

    [Fact]
    public async Task SendAsync_ClientTimeout_IsAHeraldTimeoutNotAFailover()
    {
        var clock = new ManualTimeProvider();
        A.Behavior = TargetBehavior.Hang;
        using var client = new HeraldClient(o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromSeconds(3);
            o.AddFailover(f =>
            {
                f.Targets.Add(A.Target);
                f.Targets.Add(B.Target);
            });
        });

        var call = client.GetAsync("x");
        await A.Arrived.Task.WaitAsync(SignalServer.Guard);
        clock.Advance(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<HeraldTimeoutException>(() => call.WaitAsync(SignalServer.Guard));
        Assert.Equal(0, B.Hits);
    }

    [Fact]
    public async Task SendAsync_PutWithABody_ReplaysTheBodyToTheNextTarget()
    {
        A.Status = 503;
        using var client = Client(A.Target, B.Target);

        using var response = await client.PutAsync("docs/1", r => r.Body(new ForwardOnlyStream(new MemoryStream("hello"u8.ToArray()))));

        Assert.Equal("hello", Assert.Single(A.Requests).Body);
        Assert.Equal("b PUT /api/docs/1 hello", response.Body);
    }

    [Fact]
    public async Task SendAsync_UploadProgress_StartsAgainForEachTargetTheBodyGoesTo()
    {
        A.Status = 503;
        var reports = new List<TransferProgress>();
        using var client = Client(A.Target, B.Target);

        using var response = await client.PostAsync("docs", r => r.Body(new byte[300_000], "octet").OnUploadProgress(reports.Add));

        Assert.Equal(B.Target, response.Target);
        var completed = reports.Where(p => p.IsCompleted).ToList();
        Assert.Equal(2, completed.Count); // once to a, once to b
        Assert.All(completed, p => Assert.Equal(300_000, p.BytesTransferred));
    }

    [Fact]
    public void AddFailover_InvalidOptions_ThrowNamingTheProperty()
    {
        var empty = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddFailover(_ => { }));
        var interval = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddFailover(f =>
        {
            f.Targets.Add(new Uri("http://a/"));
            f.Interval = TimeSpan.FromSeconds(-1);
        }));
        var status = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddFailover(f =>
        {
            f.Targets.Add(new Uri("http://a/"));
            f.FailoverStatusCodes.Add(42);
        }));
        var both = Assert.Throws<ArgumentException>(() => new HeraldClientOptions()
            .AddLoadBalancing(lb => lb.Targets.Add(new Uri("http://a/")))
            .AddFailover(f => f.Targets.Add(new Uri("http://a/"))));

        Assert.Contains("FailoverOptions.Targets is empty", empty.Message);
        Assert.Contains("FailoverOptions.Interval", interval.Message);
        Assert.Contains("FailoverOptions.FailoverStatusCodes contains 42", status.Message);
        Assert.Contains("Load balancing is installed already", both.Message);
    }

    [Fact]
    public void AddFailover_TakesItsPlaceOutsideRedirects_AndDefaultsTo501Through504()
    {
        var options = new HeraldClientOptions();
        options.Middleware.Insert(0, "mine", () => new PassThrough());
        FailoverOptions? seen = null;
        options.AddFailover(f =>
        {
            seen = f;
            f.Targets.Add(new Uri("http://a/"));
        });

        Assert.Equal(["mine", HeraldMiddleware.Failover, HeraldMiddleware.Redirects], options.Middleware.Names.Take(3));
        Assert.Equal([501, 502, 503, 504], seen!.FailoverStatusCodes.Order());
        Assert.Equal(TimeSpan.Zero, seen.Interval);
    }

    private static HeraldClient Client(params Uri[] targets) => new(o => o.AddFailover(f =>
    {
        foreach (var target in targets)
        {
            f.Targets.Add(target);
        }
    }));

    // The interval's timer is armed once the first target's response is in; wait for it, bounded, instead of sleeping.
    private static async Task WaitUntilArmed(ManualTimeProvider clock)
    {
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        while (clock.ArmedTimers == 0)
        {
            await Task.Yield();
            guard.Token.ThrowIfCancellationRequested();
        }
    }

    private sealed class PassThrough : DelegatingHandler;
}
