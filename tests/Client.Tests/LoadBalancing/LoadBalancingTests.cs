using System.Net;
using Herald.Client.Tests.Infrastructure;
using Herald.Client.Tests.LoadBalancing.Support;

namespace Herald.Client.Tests.LoadBalancing;

public sealed class LoadBalancingTests : ThreeTargetsTest
{
    [Fact]
    public async Task AddLoadBalancing_ThreeTargets_CallsGoRoundRobinInOrder()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
            lb.Targets.Add(C.Target);
        }));

        var servedBy = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync($"items/{i}?page=2");
            servedBy.Add(((string)response.Body!).Split(' ')[0]);
            Assert.Equal($"GET /api/items/{i}?page=2", ((string)response.Body!)[2..]);
            Assert.Equal(new[] { A, B, C }[i % 3].Target, response.Target);
            Assert.Empty(response.FailedTargets);
        }

        Assert.Equal(["a", "b", "c", "a", "b", "c"], servedBy);
    }

    [Fact]
    public async Task AddLoadBalancing_ConcurrentCalls_EachTargetGetsItsShare()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
            lb.Targets.Add(C.Target);
        }));

        var calls = Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await client.GetAsync("ping");
            return response.Status;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal([10, 10, 10], new[] { A.Hits, B.Hits, C.Hits });
    }

    [Fact]
    public async Task SendAsync_TargetRefusesConnection_FailsOverToTheNext()
    {
        var down = TargetServer.ClosedTarget();
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(down);
            lb.Targets.Add(B.Target);
        }));

        using var response = await client.GetAsync("orders/7");

        Assert.Equal("b GET /api/orders/7", response.Body);
        Assert.Equal(B.Target, response.Target);
        var failure = Assert.Single(response.FailedTargets);
        Assert.Equal(down, failure.Target);
        Assert.Equal(TargetFailureKind.Transport, failure.Kind);
        Assert.IsAssignableFrom<HttpRequestException>(failure.Exception);
    }

    [Fact]
    public async Task SendAsync_ConnectionResetBeforeTheResponse_FailsOverToTheNext()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));

        A.Behavior = TargetBehavior.Reset;

        using var response = await client.GetAsync("work");

        Assert.Equal(B.Target, response.Target);
        Assert.Equal(1, A.Hits);
        Assert.Equal(TargetFailureKind.Transport, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_EveryTargetDown_ThrowsOneExceptionListingEach()
    {
        var first = TargetServer.ClosedTarget();
        var second = TargetServer.ClosedTarget();
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(first);
            lb.Targets.Add(second);
        }));

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.GetAsync("orders?token=secret"));

        Assert.Equal([first, second], ex.Failures.Select(f => f.Target));
        Assert.All(ex.Failures, f => Assert.Equal(TargetFailureKind.Transport, f.Kind));
        Assert.All(ex.Failures, f => Assert.NotNull(f.Exception));
        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Contains("failed on every target (2)", ex.Message);
        Assert.Contains($"127.0.0.1:{first.Port}/api/ → ConnectionError", ex.Message);
        Assert.Contains($"127.0.0.1:{second.Port}/api/ → ConnectionError", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
        Assert.Equal(HttpMethod.Get, ex.Method);
    }

    [Fact]
    public async Task SendAsync_ServerError_IsReturnedAsItIs()
    {
        A.Status = 503;
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));

        using var first = await client.GetAsync("work", r => r.ThrowOnError(false));
        using var second = await client.GetAsync("work");
        var thrown = await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("work"));

        Assert.Equal(503, first.Status);
        Assert.Equal(A.Target, first.Target);
        Assert.Empty(first.FailedTargets);
        Assert.Equal(B.Target, second.Target);
        Assert.Equal(2, A.Hits); // the 503s were not sent on to b
        Assert.Equal(1, B.Hits);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
    }

    [Fact]
    public async Task SendAsync_TargetNeverAnswers_AttemptTimeoutMovesOnWithTheFakeClock()
    {
        var clock = new ManualTimeProvider();
        using var client = new HeraldClient(o =>
        {
            o.TimeProvider = clock;
            o.AddLoadBalancing(lb =>
            {
                lb.Targets.Add(A.Target);
                lb.Targets.Add(B.Target);
                lb.AttemptTimeout = TimeSpan.FromSeconds(5);
            });
        });

        A.Behavior = TargetBehavior.Hang;

        var call = client.GetAsync("work");
        await A.Arrived.Task.WaitAsync(SignalServer.Guard);
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        using var response = await call.WaitAsync(SignalServer.Guard);

        Assert.Equal(B.Target, response.Target);
        var failure = Assert.Single(response.FailedTargets);
        Assert.Equal(TargetFailureKind.Timeout, failure.Kind);
        Assert.Contains("LoadBalancingOptions.AttemptTimeout", failure.Reason);
    }

    [Fact]
    public async Task Rule_Custom_ChoosesTheFirstTarget()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
            lb.Targets.Add(C.Target);
            lb.Rule = new FixedRule(2);
        }));

        using var first = await client.GetAsync("x");
        using var second = await client.GetAsync("x");

        Assert.Equal(C.Target, first.Target);
        Assert.Equal(C.Target, second.Target);
        Assert.Equal(0, A.Hits + B.Hits);
    }

    [Fact]
    public async Task Rule_ReturnsAnIndexOutOfRange_FailsClearly()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Rule = new FixedRule(3);
        }));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("x"));

        Assert.Contains("FixedRule returned 3", ex.Message);
        Assert.Contains("from 0 to 0", ex.Message);
    }

    [Fact]
    public async Task RandomRule_SpreadsCallsOverTheTargets()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
            lb.Rule = new RandomRule();
        }));

        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("x");
        }

        // 40 fair coin flips all landing on one side: 2 in 2^40.
        Assert.True(A.Hits > 0 && B.Hits > 0, $"a {A.Hits}, b {B.Hits}");
        Assert.Equal(40, A.Hits + B.Hits);
    }

    [Fact]
    public async Task SendAsync_FailOverOnTransportErrorOff_ThrowsTheTransportError()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(TargetServer.ClosedTarget());
            lb.Targets.Add(B.Target);
            lb.FailOverOnTransportError = false;
        }));

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("x"));

        Assert.IsNotType<AllTargetsFailedException>(ex);
        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(0, B.Hits);
    }

    [Fact]
    public async Task SendAsync_BaseAddressAndTargetsWithDifferentPaths_SendTheSamePathBelowEach()
    {
        var other = new Uri(B.Server.BaseAddress, "api/v2");  // no trailing slash: taken as a directory
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = new Uri("http://orders.internal/api/?lang=en");
            o.AddLoadBalancing(lb =>
            {
                lb.Targets.Add(A.Target);
                lb.Targets.Add(other);
            });
        });

        using var first = await client.GetAsync("orders/7", r => r.Query("x", "a b"));
        using var second = await client.GetAsync("orders/7", r => r.Query("x", "a b"));
        using var rooted = await client.GetAsync("/health", r => r.ThrowOnError(false));

        Assert.Equal("a GET /api/orders/7?x=a%20b&lang=en", first.Body);
        Assert.Equal("b GET /api/v2/orders/7?x=a%20b&lang=en", second.Body);
        Assert.Equal(A.Server.Url("health?lang=en"), rooted.RequestUri); // "/health" replaces the path: the target's origin gets it
        Assert.Equal(new Uri(B.Server.BaseAddress, "api/v2/"), second.Target);
    }

    [Fact]
    public async Task SendAsync_EncodedPath_ReachesEveryTargetExactlyAsWritten()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));

        using var first = await client.GetAsync("files/%7Eann/a%2Fb?q=%7E");
        using var second = await client.GetAsync("files/%7Eann/a%2Fb?q=%7E");

        Assert.Equal("/api/files/%7Eann/a%2Fb?q=%7E", Assert.Single(A.Requests).RawTarget);
        Assert.Equal("/api/files/%7Eann/a%2Fb?q=%7E", Assert.Single(B.Requests).RawTarget);
    }

    [Fact]
    public async Task SendAsync_AbsoluteUrlElsewhere_IsSentAsItIs()
    {
        await using var elsewhere = await TargetServer.StartAsync("elsewhere");
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));

        using var response = await client.GetAsync(elsewhere.Server.Url("api/x").ToString());
        using var underTarget = await client.GetAsync(B.Server.Url("api/y").ToString());

        Assert.Equal("elsewhere GET /api/x", response.Body);
        Assert.Null(response.Target);
        Assert.Equal("a GET /api/y", underTarget.Body); // written against a target: balanced like a relative URL
    }

    [Fact]
    public async Task AddLoadBalancing_NoBaseAddress_TheFirstTargetBecomesIt()
    {
        var options = new HeraldClientOptions();
        options.AddLoadBalancing(lb => lb.Targets.Add(new Uri(A.Server.BaseAddress, "api")));
        var set = new HeraldClientOptions { BaseAddress = new Uri("http://svc.internal/") };
        set.AddLoadBalancing(lb => lb.Targets.Add(A.Target));

        Assert.Equal(A.Target, options.BaseAddress);
        Assert.Equal(new Uri("http://svc.internal/"), set.BaseAddress);
        Assert.Equal(HeraldMiddleware.LoadBalancing, options.Middleware.Names.First());
        using var client = new HeraldClient(options);
        using var response = await client.GetAsync("z");
        Assert.Equal("a GET /api/z", response.Body);
    }

    [Fact]
    public async Task SendAsync_RedirectWithinATarget_IsFollowedThere()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(TargetServer.ClosedTarget());
            lb.Targets.Add(B.Target);
        }));

        using var response = await client.GetAsync("redirect");

        Assert.Equal("b GET /api/landed", response.Body);
        Assert.Equal([B.Server.Url("api/landed")], response.RedirectTrace);
    }

    [Fact]
    public async Task SendAsync_ClientWideBasicAuth_ReachesEachTargetButNotAnotherOrigin()
    {
        await using var elsewhere = await TargetServer.StartAsync("elsewhere");
        using var client = new HeraldClient(o =>
        {
            o.Auth.Basic = new NetworkCredential("ann", "s3cret");
            o.AddLoadBalancing(lb =>
            {
                lb.Targets.Add(A.Target);
                lb.Targets.Add(B.Target);
            });
        });

        using (await client.GetAsync("me"))
        using (await client.GetAsync("me"))
        using (await client.GetAsync(elsewhere.Server.Url("api/me").ToString()))
        {
        }

        Assert.StartsWith("Basic ", Assert.Single(A.Requests).Authorization);
        Assert.StartsWith("Basic ", Assert.Single(B.Requests).Authorization);
        Assert.Equal(string.Empty, Assert.Single(elsewhere.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_PerRequestBearerToken_GoesToTheTargetThatServes()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(TargetServer.ClosedTarget());
            lb.Targets.Add(B.Target);
        }));

        using var response = await client.GetAsync("me", r => r.BearerToken("t0k"));

        Assert.Equal("Bearer t0k", Assert.Single(B.Requests).Authorization);
    }

    [Theory]
    [InlineData("bytes")]
    [InlineData("read-once stream")]
    public async Task SendAsync_PostMarkedRetry_BodyIsSentWholeToTheNextTarget(string kind)
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));
        var payload = new string('p', 5000);

        A.Behavior = B.Behavior = TargetBehavior.ReadThenReset;

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.PostAsync("upload", r =>
        {
            r.Retry(); // safe to send twice: the caller says so
            if (kind == "bytes")
            {
                r.Body(System.Text.Encoding.UTF8.GetBytes(payload), "text");
            }
            else
            {
                r.Body(new ForwardOnlyStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload))));
            }
        }));

        // a read the whole body and reset; b got the same bytes again, read them and reset too.
        Assert.Equal([TargetFailureKind.Transport, TargetFailureKind.Transport], ex.Failures.Select(f => f.Kind));
        Assert.Equal(payload, Assert.Single(A.Requests).Body);
        Assert.Equal(payload, Assert.Single(B.Requests).Body);
    }

    [Theory]
    [InlineData("POST", "bytes")]
    [InlineData("PATCH", "bytes")]
    [InlineData("POST", "read-once stream")]
    [InlineData("POST", "no body")]
    public async Task SendAsync_NonIdempotentFailsAfterItLeft_IsNotSentToAnotherTargetAndSaysSo(string method, string kind)
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
            lb.Targets.Add(C.Target);
        }));
        A.Behavior = kind == "no body" ? TargetBehavior.Reset : TargetBehavior.ReadThenReset;

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.SendAsync(method, "orders", r =>
        {
            if (kind == "bytes")
            {
                r.Body(System.Text.Encoding.UTF8.GetBytes("order 7"), "text");
            }
            else if (kind == "read-once stream")
            {
                r.Body(new ForwardOnlyStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("order 7"))));
            }
        }));

        // a may have taken the order before the connection dropped: a second target would take it again.
        Assert.Equal(
            [TargetFailureKind.Transport, TargetFailureKind.MayHaveBeenProcessed, TargetFailureKind.MayHaveBeenProcessed],
            ex.Failures.Select(f => f.Kind));
        Assert.Equal(0, B.Hits + C.Hits);
        Assert.Single(A.Requests);
        Assert.Contains($"{method} is not idempotent and the request may have been processed", ex.Message);
        Assert.Contains("request.Retry()", ex.Message);
        Assert.Contains("not tried", ex.Failures[1].Reason);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task SendAsync_IdempotentFailsAfterItLeft_GoesToTheNextTarget(string method)
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(A.Target);
            lb.Targets.Add(B.Target);
        }));
        A.Behavior = TargetBehavior.ReadThenReset;

        using var response = await client.SendAsync(method, "orders/7", r => r.Body(System.Text.Encoding.UTF8.GetBytes("x"), "text"));

        Assert.Equal($"b {method} /api/orders/7 x", response.Body);
        Assert.Equal(TargetFailureKind.Transport, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_PostWhoseConnectionWasRefused_GoesToTheNextTarget()
    {
        using var client = new HeraldClient(o => o.AddLoadBalancing(lb =>
        {
            lb.Targets.Add(TargetServer.ClosedTarget());
            lb.Targets.Add(B.Target);
        }));

        using var response = await client.PostAsync("orders", r => r.Body(System.Text.Encoding.UTF8.GetBytes("order 7"), "text"));

        Assert.Equal("b POST /api/orders order 7", response.Body);
        Assert.Equal(TargetFailureKind.Transport, Assert.Single(response.FailedTargets).Kind);
    }

    [Fact]
    public async Task SendAsync_ReadOnceBodyTooLargeToKeep_IsNotSentToASecondTargetAndSaysSo()
    {
        using var client = new HeraldClient(o =>
        {
            o.MaxReplayBufferBytes = 100;
            o.AddLoadBalancing(lb =>
            {
                lb.Targets.Add(A.Target);
                lb.Targets.Add(B.Target);
                lb.Targets.Add(C.Target);
            });
        });

        A.Behavior = TargetBehavior.ReadThenReset;

        var ex = await Assert.ThrowsAsync<AllTargetsFailedException>(() => client.PostAsync(
            "upload", r => r.Body(new ForwardOnlyStream(new MemoryStream(new byte[5000]))).Retry()));

        Assert.Equal([TargetFailureKind.Transport, TargetFailureKind.BodyNotReplayable, TargetFailureKind.BodyNotReplayable], ex.Failures.Select(f => f.Kind));
        Assert.Contains("not tried: the body is a stream that can be read once only", ex.Message);
        Assert.Contains("MaxReplayBufferBytes", ex.Message);
        Assert.Equal(0, B.Hits + C.Hits);
    }

    [Fact]
    public async Task SendAsync_ReadOnceBodyAndConnectionRefused_StillGoesToTheNextTarget()
    {
        using var client = new HeraldClient(o =>
        {
            o.MaxReplayBufferBytes = 100;
            o.AddLoadBalancing(lb =>
            {
                lb.Targets.Add(TargetServer.ClosedTarget());
                lb.Targets.Add(B.Target);
            });
        });

        using var response = await client.PostAsync("upload", r => r.Body(new ForwardOnlyStream(new MemoryStream(new byte[5000]))));

        Assert.Equal(200, response.Status);
        Assert.Equal(5000, Assert.Single(B.Requests).Body.Length);
    }

    [Fact]
    public void AddLoadBalancing_InvalidOptions_ThrowNamingTheProperty()
    {
        var empty = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddLoadBalancing(_ => { }));
        var relative = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddLoadBalancing(lb => lb.Targets.Add(new Uri("/api/", UriKind.Relative))));
        var query = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddLoadBalancing(lb => lb.Targets.Add(new Uri("http://a/api/?k=1"))));
        var userInfo = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddLoadBalancing(lb => lb.Targets.Add(new Uri("http://u:p@a/api/"))));
        var ftp = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddLoadBalancing(lb => lb.Targets.Add(new Uri("ftp://a/"))));
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClientOptions().AddLoadBalancing(lb =>
        {
            lb.Targets.Add(new Uri("http://a/"));
            lb.AttemptTimeout = TimeSpan.Zero;
        }));
        var both = Assert.Throws<ArgumentException>(() => new HeraldClientOptions()
            .AddFailover(f => f.Targets.Add(new Uri("http://a/")))
            .AddLoadBalancing(lb => lb.Targets.Add(new Uri("http://a/"))));

        Assert.Contains("LoadBalancingOptions.Targets is empty", empty.Message);
        Assert.Contains("not an absolute http or https URL", relative.Message);
        Assert.Contains("query", query.Message);
        Assert.Contains("user-info", userInfo.Message);
        Assert.DoesNotContain("u:p", userInfo.Message);
        Assert.Contains("LoadBalancingOptions.Targets", ftp.Message);
        Assert.Contains("LoadBalancingOptions.AttemptTimeout", timeout.Message);
        Assert.Contains("Failover is installed already", both.Message);
    }

    private sealed class FixedRule(int index) : ILoadBalancingRule
    {
        public int SelectTarget(IReadOnlyList<Uri> targets) => index;
    }
}
