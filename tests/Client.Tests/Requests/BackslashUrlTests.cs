using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Client.Tests.Requests;

/// <summary>
/// A backslash in the authority must not move the request to another host: two real servers, "good" and "evil", and
/// URLs that name good before the backslash and evil after it.
/// </summary>
public sealed class BackslashUrlTests : IAsyncLifetime
{
    private LoopbackServer _good = null!;
    private LoopbackServer _evil = null!;
    private int _evilHits;

    public async Task InitializeAsync()
    {
        _good = await LoopbackServer.StartAsync(app => app.Map("/{**path}", (HttpContext c) =>
            "good " + c.Features.Get<IHttpRequestFeature>()!.RawTarget));
        _evil = await LoopbackServer.StartAsync(app => app.Map("/{**path}", () =>
        {
            Interlocked.Increment(ref _evilHits);
            return "evil";
        }));
    }

    public async Task DisposeAsync()
    {
        await _good.DisposeAsync();
        await _evil.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_AbsoluteUrlWithBackslashBeforeAt_GoesToTheHostBeforeTheBackslash()
    {
        using var client = new HeraldClient();

        using var response = await client.GetAsync($"http://127.0.0.1:{_good.Port}\\@127.0.0.1:{_evil.Port}/x");

        Assert.Equal($"good /@127.0.0.1:{_evil.Port}/x", response.Body);
        Assert.Equal(_good.Port, response.RequestUri!.Port);
        Assert.Equal(0, Volatile.Read(ref _evilHits));
    }

    [Fact]
    public async Task GetAsync_SchemeRelativeUrlWithBackslashBeforeAt_GoesToTheHostBeforeTheBackslash()
    {
        using var client = new HeraldClient(o => o.BaseAddress = _evil.BaseAddress);

        using var response = await client.GetAsync($"//127.0.0.1:{_good.Port}\\@127.0.0.1:{_evil.Port}/x");

        Assert.Equal($"good /@127.0.0.1:{_evil.Port}/x", response.Body);
        Assert.Equal(0, Volatile.Read(ref _evilHits));
    }

    [Fact]
    public async Task GetAsync_BackslashesInThePath_AreSlashes()
    {
        using var client = new HeraldClient();

        using var response = await client.GetAsync($"http:\\\\127.0.0.1:{_good.Port}\\a\\b?q=c\\d");

        Assert.Equal("good /a/b?q=c%5Cd", response.Body);
    }
}
