using System.Text;
using Herald.Client.Internal;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Requests;

/// <summary>
/// Herald's own bodies sent again through <see cref="HeraldClient"/> and its default middleware: after a bearer
/// refresh (a 401, then the same request with a new token) and on a 307. Bodies that can be produced again (JSON,
/// files, factories, seekable streams) are never copied, whatever their size; only a read-once stream is, within
/// <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>, and only once.
/// </summary>
public sealed class BodyReplayTests : IAsyncLifetime
{
    private const string Fresh = "fresh-token";

    // Small on purpose: every replayable body below is larger, so passing proves it was not copied.
    private const long TinyCap = 16;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"herald-replay-{Guid.NewGuid():N}.txt");
    private readonly byte[] _bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("herald body ", 200)));
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(_file, _bytes);
        _server = await LoopbackServer.StartAsync(app =>
        {
            // Answers 401 with a bearer challenge until the fresh token comes, then echoes what arrived.
            app.MapPost("/auth/echo", async Task<IResult> (HttpContext c) =>
            {
                var body = await ReadAsync(c.Request);
                if (c.Request.Headers.Authorization != "Bearer " + Fresh)
                {
                    c.Response.Headers.WWWAuthenticate = "Bearer";
                    return Results.StatusCode(401);
                }

                return Echo(c, body);
            });

            // The same, but a 307 to /echo once authorized: both the auth and the redirect middleware resend.
            app.MapPost("/auth/r307", async Task<IResult> (HttpContext c) =>
            {
                await ReadAsync(c.Request);
                if (c.Request.Headers.Authorization != "Bearer " + Fresh)
                {
                    c.Response.Headers.WWWAuthenticate = "Bearer";
                    return Results.StatusCode(401);
                }

                c.Response.Headers.Location = "/echo";
                return Results.StatusCode(307);
            });
            app.MapPost("/r307", async Task<IResult> (HttpContext c) =>
            {
                await ReadAsync(c.Request);
                c.Response.Headers.Location = "/echo";
                return Results.StatusCode(307);
            });
            app.MapPost("/echo", async Task<IResult> (HttpContext c) => Echo(c, await ReadAsync(c.Request)));
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    public static TheoryData<string> ReplayableBodies => ["file", "factory", "seekable stream", "bytes"];

    [Fact]
    public async Task BearerRefresh_JsonBody_IsSentAgain_WithAContentLength()
    {
        using var client = RefreshingClient();

        using var response = await client.PostAsync("auth/echo", r => r.JsonBody(new { name = "Ada", tags = new[] { "a", "b" } }));

        Assert.Equal("length=31 te= body={\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}", response.Body);
    }

    [Theory]
    [MemberData(nameof(ReplayableBodies))]
    public async Task BearerRefresh_BodyThatCanBeProducedAgain_IsSentAgainWithoutACopy(string kind)
    {
        var recorded = new List<HttpContent?>();
        using var client = RefreshingClient(o => o.Middleware.Add("record", () => new Recorder(recorded)));

        using var response = await client.PostAsync("auth/echo", r => Body(r, kind));

        Assert.Equal(Expected(kind), response.Body);
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, c => Assert.IsNotType<ReplayableContent>(c));
    }

    [Fact]
    public async Task BearerRefresh_ReadOnceStreamWithinTheCap_IsCopiedWhileSentAndSentAgain()
    {
        using var client = RefreshingClient();

        using var response = await client.PostAsync("auth/echo", r => r.Body(new ForwardOnlyStream(new MemoryStream(_bytes))));

        Assert.Equal(Expected("read-once stream"), response.Body);
    }

    [Fact]
    public async Task BearerRefresh_ReadOnceStreamOverTheCap_FailsNamingTheOption()
    {
        using var client = RefreshingClient(o => o.MaxReplayBufferBytes = TinyCap);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostAsync("auth/echo", r => r.Body(new ForwardOnlyStream(new MemoryStream(_bytes)))));

        Assert.Contains("HeraldClientOptions.MaxReplayBufferBytes, 16 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReplayableBodies))]
    public async Task Lax307_BodyThatCanBeProducedAgain_IsSentAgainWithoutACopy(string kind)
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Redirects.Strategy = RedirectStrategy.Lax;
            o.MaxReplayBufferBytes = TinyCap;
        });

        using var response = await client.PostAsync("r307", r => Body(r, kind));

        Assert.Equal([_server.Url("echo")], response.RedirectTrace);
        Assert.Equal(Expected(kind), response.Body);
    }

    [Fact]
    public async Task RefreshThen307_ReadOnceStream_IsCopiedOnce_AndSentThreeTimes()
    {
        var recorded = new List<HttpContent?>();
        using var client = RefreshingClient(o =>
        {
            o.Redirects.Strategy = RedirectStrategy.Lax;
            o.Middleware.Add("record", () => new Recorder(recorded));
        });

        using var response = await client.PostAsync("auth/r307", r => r.Body(new ForwardOnlyStream(new MemoryStream(_bytes))));

        Assert.Equal(Expected("read-once stream"), response.Body);
        Assert.Equal(3, recorded.Count);
        var copy = Assert.IsType<ReplayableContent>(recorded[0]);
        Assert.All(recorded, c => Assert.Same(copy, c));
        Assert.IsType<StreamBodyContent>(copy.Inner);
    }

    private void Body(HeraldRequest request, string kind)
    {
        switch (kind)
        {
            case "file":
                request.FileBody(_file);
                break;
            case "factory":
                request.Body(() => File.OpenRead(_file));
                break;
            case "seekable stream":
                request.Body(new MemoryStream(_bytes));
                break;
            default:
                request.Body(_bytes);
                break;
        }
    }

    // Streams without a length (a factory without one, a read-once stream) go chunked; the others carry Content-Length.
    private string Expected(string kind) => kind is "factory" or "read-once stream"
        ? $"length=none te=chunked body={Encoding.ASCII.GetString(_bytes)}"
        : $"length={_bytes.Length} te= body={Encoding.ASCII.GetString(_bytes)}";

    private HeraldClient RefreshingClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = _server.BaseAddress;
        o.Auth.LoadBearerToken = _ => ValueTask.FromResult("stale-token");
        o.Auth.RefreshBearerToken = _ => ValueTask.FromResult(Fresh);
        configure?.Invoke(o);
    });

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }

    private static IResult Echo(HttpContext c, string body) =>
        Results.Text($"length={c.Request.ContentLength?.ToString() ?? "none"} te={c.Request.Headers.TransferEncoding} body={body}");

    /// <summary>Innermost middleware: notes the content of every attempt as it reaches the transport.</summary>
    private sealed class Recorder(List<HttpContent?> recorded) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (recorded)
            {
                recorded.Add(request.Content);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
