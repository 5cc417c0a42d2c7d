using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Integration;

/// <summary>
/// One fake clock set on <see cref="HeraldClientOptions.TimeProvider"/> drives every middleware that keeps time:
/// cookie expiry, the transport's read timeout, and hop timings, unless a middleware's options name a clock of their own.
/// </summary>
public sealed class ClientClockTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/cookie", (HttpContext c) =>
        {
            c.Response.Headers.SetCookie = "session=abc; Max-Age=60; Path=/";
            return Results.Text("set");
        });
        app.MapGet("/headers-then-stall", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/plain";
            await c.Response.StartAsync();
            await c.Response.Body.FlushAsync();
            await _release.Task.WaitAsync(SignalServer.Guard, c.RequestAborted);
        });
    });

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ClientClock_DrivesCookieExpiry()
    {
        var clock = new ManualTimeProvider();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.TimeProvider = clock;
        });

        using var response = await client.GetAsync("cookie");
        Assert.Single(client.Cookies.GetAllCookies());
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(client.Cookies.GetAllCookies());
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(client.Cookies.GetAllCookies());
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(1), Assert.Single(response.Cookies).Expires);
    }

    [Fact]
    public async Task ClientClock_DrivesTheReadTimeout()
    {
        var clock = new ManualTimeProvider();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.TimeProvider = clock;
            o.Transport.ReadTimeout = TimeSpan.FromSeconds(5);
            o.ResponseBody = ResponseBodyKind.Stream;
        });
        using var response = await client.GetAsync("headers-then-stall");
        await using var body = (Stream)response.Body!;

        var reading = body.ReadAsync(new byte[16]).AsTask();
        await WaitUntilArmed(clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => reading);

        Assert.Contains("TransportOptions.ReadTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientClock_TimesTheSavedRequest()
    {
        // Every reading of this clock is one second after the previous: the saved hop took exactly one reading.
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.TimeProvider = new SteppingTimeProvider(TimeSpan.FromSeconds(1));
        });

        using var response = await client.GetAsync("cookie", r => r.SaveRequest());

        Assert.Equal(TimeSpan.FromSeconds(1), response.SentRequest!.Elapsed);
    }

    [Fact]
    public async Task MiddlewareClock_WhenSet_WinsOverTheClients()
    {
        var clientClock = new ManualTimeProvider();
        var cookieClock = new ManualTimeProvider();
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.TimeProvider = clientClock;
            o.Cookies.TimeProvider = cookieClock;
        });

        using var response = await client.GetAsync("cookie");
        clientClock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(client.Cookies.GetAllCookies());
        cookieClock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(client.Cookies.GetAllCookies());
    }

    // The read arms its timer once the transport asks for bytes; wait for that, bounded, instead of sleeping.
    private static async Task WaitUntilArmed(ManualTimeProvider clock)
    {
        using var guard = new CancellationTokenSource(SignalServer.Guard);
        while (clock.ArmedTimers == 0)
        {
            await Task.Yield();
            guard.Token.ThrowIfCancellationRequested();
        }
    }
}
