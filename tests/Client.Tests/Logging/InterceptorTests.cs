using System.Net;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Logging;

public sealed class InterceptorTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/trace", (HttpRequest r) => r.Headers["X-Trace"].ToString());
            app.MapGet("/hop", () => Results.Redirect("/trace"));
            app.MapGet("/gzip", (HttpResponse r) =>
            {
                var body = Compress.Gzip("decoded later"u8.ToArray());
                r.Headers.ContentEncoding = "gzip";
                return Results.Bytes(body, "text/plain");
            });
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OnRequest_ChangesTheRequestOnTheWire()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.OnRequest((r, _) =>
            {
                r.Headers.Add("X-Trace", "first");
                return ValueTask.CompletedTask;
            }).OnRequest((r, _) =>
            {
                r.Headers.Add("X-Trace", "second");
                return ValueTask.CompletedTask;
            });
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "trace"));

        Assert.Equal("first, second", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Interceptors_RunOnEveryHop()
    {
        var requests = new List<string>();
        var responses = new List<int>();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Middleware.Insert(0, "follow-one", () => new FollowOneRedirect());
            o.Logging.OnRequest((r, _) =>
            {
                requests.Add(r.RequestUri!.AbsolutePath);
                return ValueTask.CompletedTask;
            });
            o.Logging.OnResponse((r, _) =>
            {
                responses.Add((int)r.StatusCode);
                return ValueTask.CompletedTask;
            });
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hop"));

        Assert.Equal(["/hop", "/trace"], requests);
        Assert.Equal([302, 200], responses);
    }

    [Fact]
    public async Task OnResponse_SeesTheRawResponseBeforeOtherMiddleware()
    {
        string? seenEncoding = null;
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.OnResponse((r, ct) =>
            {
                seenEncoding = r.Content.Headers.ContentEncoding.SingleOrDefault();
                return ValueTask.CompletedTask;
            });
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip"));

        Assert.Equal("gzip", seenEncoding);
        Assert.Empty(response.Message.Content.Headers.ContentEncoding);
        Assert.Equal("decoded later", await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnRequest_Throwing_FailsTheCallBeforeAnythingIsSent()
    {
        var served = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () =>
        {
            Interlocked.Increment(ref served);
            return "sent";
        }));
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Logging.OnRequest((_, _) => throw new InvalidOperationException("not allowed"));
        });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, "")));

        Assert.Equal("not allowed", ex.Message);
        Assert.Equal(0, served);
    }

    [Fact]
    public void OnRequest_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ClientLoggingOptions().OnRequest(null!));
        Assert.Throws<ArgumentNullException>(() => new ClientLoggingOptions().OnResponse(null!));
    }
}
