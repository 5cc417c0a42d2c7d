using System.Net;
using System.Text;
using Herald.Client.Internal;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Logging;

public sealed class SaveRequestTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/hello", () => "hello");
            app.MapPost("/echo", async (HttpRequest r) =>
            {
                using var reader = new StreamReader(r.Body);
                return await reader.ReadToEndAsync();
            });
            app.MapGet("/protected", (HttpRequest r) => r.Headers.Authorization == "Bearer fresh"
                ? Results.Text("ok")
                : new ChallengeResult());
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SaveRequest_OnRequest_ExposesTheRequestAsSentAfterAllMiddleware()
    {
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(42));
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.BearerToken = "secret-token";
            o.Logging.TimeProvider = clock;
            o.Logging.OnRequest((r, _) =>
            {
                r.Headers.Add("X-Trace", "abc");
                return ValueTask.CompletedTask;
            });
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello").SaveRequest());

        var sent = Assert.IsType<SentRequest>(response.SentRequest);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal(_server.Url("hello"), sent.RequestUri);
        Assert.Equal(HttpVersion.Version11, sent.Version);
        Assert.Equal(["Bearer secret-token"], sent.Headers["authorization"]);
        Assert.Equal(["gzip, deflate, br"], sent.Headers["Accept-Encoding"]);
        Assert.Equal(["abc"], sent.Headers["X-Trace"]);
        Assert.Null(sent.BodyLength);
        Assert.True(sent.Body.IsEmpty);
        Assert.Equal(clock.Step, sent.Elapsed);
        Assert.Equal($"GET {_server.Url("hello")} HTTP/1.1", sent.ToString());
    }

    [Fact]
    public async Task SendAsync_NotAskedToSave_RecordsNothing()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _server.BaseAddress);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Null(response.SentRequest);
        Assert.Empty(response.SentRequests);
    }

    [Fact]
    public async Task SaveRequest_FalseOnRequest_OverridesOptions()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.SaveRequest = true;
        });

        using var saved = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));
        using var notSaved = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello").SaveRequest(false));

        Assert.NotNull(saved.SentRequest);
        Assert.Null(notSaved.SentRequest);
    }

    [Fact]
    public async Task SaveRequest_Body_IsKeptUpToTheCapWhileTheServerGetsAllOfIt()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.SaveRequest = true;
            o.Logging.MaxSavedBodyBytes = 10;
        }));
        var body = new string('x', 95) + "<end>";
        using var request = new HttpRequestMessage(HttpMethod.Post, "echo")
        {
            Content = new StreamContent(new ForwardOnlyStream(new MemoryStream(Encoding.ASCII.GetBytes(body)))),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        var sent = Assert.Single(HeraldExchange.Of(request).SentRequests!);
        Assert.Equal("xxxxxxxxxx", Encoding.ASCII.GetString(sent.Body.Span));
        Assert.Equal(100, sent.BodyLength);
        Assert.True(sent.BodyTruncated);
    }

    [Fact]
    public async Task SaveRequest_SmallBody_IsKeptWhole()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.SaveRequest = true;
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "echo") { Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json") };

        using var response = await http.SendAsync(request);

        var sent = Assert.Single(HeraldExchange.Of(request).SentRequests!);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(sent.Body.Span));
        Assert.False(sent.BodyTruncated);
        Assert.Equal(["application/json; charset=utf-8"], sent.Headers["Content-Type"]);
        Assert.Equal(["7"], sent.Headers["Content-Length"]);
    }

    [Fact]
    public async Task SaveRequest_RetryAfterRefresh_RecordsEachHop()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.SaveRequest = true;
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult("stale");
            o.Auth.RefreshBearerToken = _ => ValueTask.FromResult("fresh");
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "protected"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer stale", "Bearer fresh"], response.SentRequests.Select(s => s.Headers["Authorization"].Single()));
        Assert.Same(response.SentRequests[^1], response.SentRequest);
    }

    private sealed class ChallengeResult : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Task.CompletedTask;
        }
    }
}
