using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Integration;

/// <summary>
/// When middleware fails after a response arrived, the response must be disposed, or its connection stays taken. With
/// one connection per server, a leak makes the next call wait forever: each test's second call is bounded by a
/// timeout, so a leak fails the test with a <see cref="HeraldTimeoutException"/> instead of hanging it.
/// </summary>
public sealed class FailurePathTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // Bigger than what the client reads with the headers, so an undisposed response keeps the connection busy.
    private static readonly string Padding = new('x', 64 * 1024);

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/need-auth", (HttpContext c) =>
        {
            c.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Text(Padding, statusCode: 401);
        });
        app.MapGet("/sets-cookie", (HttpContext c) =>
        {
            c.Response.Headers.SetCookie = "a=1; Path=/";
            return Results.Text(Padding);
        });
        app.MapGet("/big", () => Results.Text(Padding));
        app.MapGet("/plain", () => Results.Text("fine"));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, Func<CancellationToken, ValueTask<string>>> FailingRefreshes => new()
    {
        { "throws", _ => throw new InvalidOperationException("refresh endpoint down") },
        { "is cancelled", _ => throw new OperationCanceledException("refresh abandoned") },
    };

    [Theory]
    [MemberData(nameof(FailingRefreshes))]
    public async Task BearerRefresh_Fails_The401IsDisposed_AndTheNextCallGetsTheConnection(string _, Func<CancellationToken, ValueTask<string>> refresh)
    {
        using var client = Client(o =>
        {
            o.Auth.LoadBearerToken = _ => ValueTask.FromResult("stale");
            o.Auth.RefreshBearerToken = refresh;
        });

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("need-auth"));

        await AssertNextCallSucceeds(client);
    }

    [Fact]
    public async Task ResponseInterceptor_Throws_TheResponseIsDisposed_AndTheNextCallGetsTheConnection()
    {
        var calls = 0;
        using var client = Client(o => o.Logging.OnResponse((_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("interceptor failed")
            : ValueTask.CompletedTask));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("big"));

        Assert.Equal("interceptor failed", ex.Message);
        await AssertNextCallSucceeds(client);
    }

    [Fact]
    public async Task CookieStore_AddThrows_TheResponseIsDisposed_AndTheNextCallGetsTheConnection()
    {
        using var client = Client(o => o.Cookies.Store = new ThrowingStore());

        var ex = await Assert.ThrowsAsync<IOException>(() => client.GetAsync("sets-cookie"));

        Assert.Equal("cookie database offline", ex.Message);
        await AssertNextCallSucceeds(client);
    }

    private static async Task AssertNextCallSucceeds(HeraldClient client)
    {
        using var response = await client.GetAsync("plain", r => r.Timeout(Bound));

        Assert.Equal("fine", response.Body);
    }

    private HeraldClient Client(Action<HeraldClientOptions> configure) => new(o =>
    {
        o.BaseAddress = _server.BaseAddress;
        o.Transport.MaxConnectionsPerServer = 1;
        configure(o);
    });

    private sealed class ThrowingStore : ICookieStore
    {
        private readonly CookieStore _inner = new();

        public bool Add(Uri requestUrl, HeraldCookie cookie) => throw new IOException("cookie database offline");

        public IReadOnlyList<HeraldCookie> GetCookies(Uri url) => _inner.GetCookies(url);

        public IReadOnlyList<HeraldCookie> GetAllCookies() => _inner.GetAllCookies();

        public void Clear() => _inner.Clear();
    }
}
