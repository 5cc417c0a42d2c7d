using System.Net;
using Herald.Client.Testing;

namespace Herald.Client.Tests.Testing;

public sealed class FakeTransportTests
{
    private static HeraldClient ClientFor(FakeTransport fake, Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = new Uri("http://api.test/v1/");
        o.UseFakeTransport(fake);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Enqueue_AnswersInOrder_ThenFailsClearly()
    {
        var fake = new FakeTransport();
        fake.Enqueue(200, "first");
        fake.Enqueue(201, "second");
        using var client = ClientFor(fake);

        using var a = await client.GetAsync("x");
        using var b = await client.GetAsync("y");
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("z"));

        Assert.Equal(("first", 200), ((string)a.Body!, a.Status));
        Assert.Equal(("second", 201), ((string)b.Body!, b.Status));
        Assert.Contains("GET http://api.test/v1/z", ex.Message);
        Assert.Contains("queue is empty", ex.Message);
    }

    [Fact]
    public async Task On_ExactMethodAndUrl_AbsoluteOrPath()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "http://api.test/v1/users?page=2").Respond(200, "absolute");
        fake.On(HttpMethod.Post, "/v1/users").Respond(201, "path");
        fake.On(null, "/v1/any").Respond(202);
        using var client = ClientFor(fake);

        using var a = await client.GetAsync("users", r => r.Query("page", 2));
        using var b = await client.PostAsync("users", r => r.Body("x"));
        using var c = await client.DeleteAsync("any");
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("users"));

        Assert.Equal("absolute", a.Body);
        Assert.Equal(201, b.Status);
        Assert.Equal(202, c.Status);
    }

    [Fact]
    public async Task OnPrefix_AndPredicate_Match()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(HttpMethod.Get, "/v1/files/").Respond(200, "file");
        fake.OnMatch(call => call.BodyText.Contains("magic", StringComparison.Ordinal), "body contains magic").Respond(200, "predicate");
        using var client = ClientFor(fake);

        using var a = await client.GetAsync("files/a/b.txt");
        using var b = await client.PutAsync("anything", r => r.Body("some magic words"));

        Assert.Equal("file", a.Body);
        Assert.Equal("predicate", b.Body);
    }

    [Fact]
    public async Task Routes_AreTriedInOrder_AndTimesLimitsThem()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "/v1/flaky").Respond(503, "down").Times(2);
        fake.On(HttpMethod.Get, "/v1/flaky").Respond(200, "up");
        using var client = ClientFor(fake, o => o.ThrowOnError = false);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("flaky");
            statuses.Add(response.Status);
        }

        Assert.Equal([503, 503, 200, 200], statuses);
    }

    [Fact]
    public async Task Respond_WithHeadersJsonBytesAndBuilder()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "/v1/json").RespondJson(new { id = 5 }).WithHeader("ETag", "\"v1\"").WithHeader("Content-Language", "en");
        fake.On(HttpMethod.Get, "/v1/bytes").Respond(200, [1, 2], "application/octet-stream");
        fake.OnPrefix(HttpMethod.Get, "/v1/built").Respond(call => new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(call.Uri.Query) });
        using var client = ClientFor(fake, o => o.ResponseBody = ResponseBodyKind.Auto);

        using var json = await client.GetAsync("json");
        using var bytes = await client.GetAsync("bytes");
        using var built = await client.GetAsync("built", r => r.Query("q", 1));

        Assert.Equal(5, (await json.ReadJsonAsync<Dictionary<string, int>>())!["id"]);
        Assert.Equal("\"v1\"", json.Headers["etag"]);
        Assert.Equal("en", json.Headers["content-language"]);
        Assert.Equal(new byte[] { 1, 2 }, bytes.Body);
        Assert.Equal(202, built.Status);
        Assert.Equal("?q=1", built.Body);
    }

    [Fact]
    public async Task Throw_SimulatesTransportFailures()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "/v1/refused").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        fake.On(HttpMethod.Get, "/v1/unknown").Throw(new HttpRequestException(HttpRequestError.NameResolutionError, "Name does not resolve"));
        using var client = ClientFor(fake);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("refused"));
        var unknown = await client.TrySendAsync(new HeraldRequest(HttpMethod.Get, "unknown"));

        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task NeverRespond_WaitsUntilTheClientTimesOutOrTheCallerCancels()
    {
        var fake = new FakeTransport();
        fake.On(HttpMethod.Get, "/v1/hang").NeverRespond();
        var time = new Infrastructure.ManualTimeProvider();
        using var client = ClientFor(fake, o =>
        {
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(3);
        });
        using var cts = new CancellationTokenSource();

        var timedOut = client.GetAsync("hang");
        var cancelled = client.GetAsync("hang", r => r.Timeout(Timeout.InfiniteTimeSpan), cts.Token);
        time.Advance(TimeSpan.FromSeconds(3));
        await cts.CancelAsync();

        Assert.Equal(TimeSpan.FromSeconds(3), (await Assert.ThrowsAsync<HeraldTimeoutException>(() => timedOut)).Limit);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
    }

    [Fact]
    public async Task Calls_RecordMethodUrlHeadersAndBodyAsSent()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(null, "/").Respond(200);
        using var client = ClientFor(fake, o => o.DefaultHeaders.Add("X-Api-Key", "k"));

        using (await client.PostAsync("orders", r => r.Query("dry", true).JsonBody(new { qty = 2 }).Header("X-Trace", "t")))
        {
        }

        var call = Assert.Single(fake.Calls);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("http://api.test/v1/orders?dry=true", call.Uri.AbsoluteUri);
        Assert.Equal("k", call.Headers["x-api-key"]);
        Assert.Equal("t", call.Headers["X-Trace"]);
        Assert.Equal("application/json; charset=utf-8", call.Headers["Content-Type"]);
        Assert.Equal("{\"qty\":2}", call.BodyText);
        Assert.Equal(0, call.Index);
    }

    [Fact]
    public async Task Calls_BodyIsCapturedAtSendTime_EvenForAStreamThatIsThenReused()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(null, "/").Respond(200);
        using var client = ClientFor(fake);
        var stream = new MemoryStream("v1"u8.ToArray());

        using (await client.PutAsync("doc", r => r.Body(stream)))
        {
        }

        stream.SetLength(0);
        stream.Write("v2"u8);
        Assert.Equal("v1", fake.Calls[0].BodyText);
    }

    [Fact]
    public async Task AssertCalled_PassesOrListsTheCallsMade()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(null, "/").Respond(200);
        using var client = ClientFor(fake);
        using (await client.GetAsync("x"))
        using (await client.GetAsync("x"))
        using (await client.PostAsync("y"))
        {
        }

        fake.AssertCalled(HttpMethod.Get, "/v1/x", times: 2);
        fake.AssertCalled(HttpMethod.Post, "http://api.test/v1/y");
        fake.AssertNotCalled(HttpMethod.Delete, "/v1/x");
        fake.AssertCalledWhere(c => c.Method == HttpMethod.Get, times: 2);
        fake.AssertCallCount(3);
        var ex = Assert.Throws<FakeTransportAssertionException>(() => fake.AssertCalled(HttpMethod.Get, "/v1/x", times: 1));

        Assert.Equal(
            "Expected GET /v1/x to be called 1 time(s), but it was called 2 time(s). Calls made (3): GET http://api.test/v1/x; GET http://api.test/v1/x; POST http://api.test/v1/y.",
            ex.Message);
        Assert.Throws<FakeTransportAssertionException>(() => fake.AssertCalled(HttpMethod.Get, "/v1/nothing"));
        Assert.Throws<FakeTransportAssertionException>(() => fake.AssertCallCount(2));
    }

    [Fact]
    public async Task Instances_AreIsolated_AndSafeInParallel()
    {
        var fakes = Enumerable.Range(0, 4).Select(_ => new FakeTransport()).ToArray();
        foreach (var (fake, i) in fakes.Select((f, i) => (f, i)))
        {
            fake.OnPrefix(null, "/").Respond(200, $"fake {i}");
        }

        await Task.WhenAll(fakes.Select(async (fake, i) =>
        {
            using var client = ClientFor(fake);
            await Task.WhenAll(Enumerable.Range(0, 25).Select(async n =>
            {
                using var response = await client.GetAsync($"item/{n}");
                Assert.Equal($"fake {i}", response.Body);
            }));
        }));

        Assert.All(fakes, f => Assert.Equal(25, f.Calls.Count));
        Assert.All(fakes, f => Assert.Equal(Enumerable.Range(0, 25), f.Calls.Select(c => c.Index)));
    }

    [Fact]
    public async Task Middleware_RunsAboveTheFake()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(null, "/").Respond(200);
        using var client = ClientFor(fake, o => o.Middleware.Add("stamp", () => new StampHandler()));

        using (await client.GetAsync("x"))
        {
        }

        Assert.Equal("stamped", fake.Calls[0].Headers["X-Stamp"]);
    }

    [Fact]
    public async Task BuiltInMiddleware_AllRunAboveTheFake()
    {
        var fake = new FakeTransport();
        fake.OnPrefix(null, "/").Respond(200);
        var seen = new List<string>();
        using var client = ClientFor(fake, o =>
        {
            foreach (var name in o.Middleware.Names.ToList())
            {
                o.Middleware.InsertAfter(name, "after-" + name, () => new RecordingHandler(seen, name));
            }
        });

        using (await client.GetAsync("x"))
        {
        }

        Assert.Equal([HeraldMiddleware.Redirects, HeraldMiddleware.Auth, HeraldMiddleware.Cookies, HeraldMiddleware.Decompression, HeraldMiddleware.Logging], seen);
        fake.AssertCallCount(1);
    }

    private sealed class StampHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Stamp", "stamped");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingHandler(List<string> seen, string after) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(after);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
