using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Caching;

/// <summary>Bodies: stored up to the limit, streamed past it (never held whole), and never stored when cut short.</summary>
public sealed class HttpCacheBodyTests(CacheServer server) : IClassFixture<CacheServer>
{
    [Fact]
    public async Task Get_BodyWithinTheLimit_StoredByteForByte()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.MaxBodyBytes = 1024);
        var payload = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.Body.WriteAsync(payload); // chunked: no Content-Length
        });

        using var first = await client.GetAsync(url, r => r.As(ResponseBodyKind.Bytes));
        using var second = await client.GetAsync(url, r => r.As(ResponseBodyKind.Bytes));

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(payload, (byte[])second.Body!);
        Assert.Equal("1024", second.Headers["Content-Length"]);
        Assert.Equal("application/octet-stream", second.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Get_ContentLengthOverTheLimit_NotStoredAndStreamed()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.MaxBodyBytes = 1000);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            ctx.Response.ContentLength = 5000;
            await ctx.Response.Body.WriteAsync(new byte[5000]);
        });

        using var first = await client.GetAsync(url, r => r.As(ResponseBodyKind.Bytes));
        using var second = await client.GetAsync(url, r => r.As(ResponseBodyKind.Bytes));

        Assert.Equal(HttpCacheStatus.NotCacheable, first.CacheStatus);
        Assert.Equal(5000, ((byte[])first.Body!).Length);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_ChunkedBodyFoundOverTheLimit_PassedOnWholeAndNotStored()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.MaxBodyBytes = 10_000);
        var payload = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            for (var i = 0; i < payload.Length; i += 4096)
            {
                await ctx.Response.Body.WriteAsync(payload.AsMemory(i, Math.Min(4096, payload.Length - i)));
                await ctx.Response.Body.FlushAsync();
            }
        });

        using var first = await client.GetAsync(url, r => r.As(ResponseBodyKind.Stream));
        using var copy = new MemoryStream();
        await ((Stream)first.Body!).CopyToAsync(copy);
        using var second = await client.GetAsync(url, r => r.As(ResponseBodyKind.Bytes));

        Assert.Equal(HttpCacheStatus.NotCacheable, first.CacheStatus);
        Assert.Equal(payload, copy.ToArray());
        Assert.Equal(payload, (byte[])second.Body!);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_BodyOverTheLimit_ReachesTheCallerBeforeTheServerHasSentItAll()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.MaxBodyBytes = 64 * 1024);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chunk = new byte[64 * 1024];
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            for (var i = 0; i < 4; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }

            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            await release.Task.WaitAsync(ctx.RequestAborted); // the rest only once the caller holds the response
            for (var i = 0; i < 60; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });

        // A bound, not a timing: had the cache waited for the whole body, this call could never return.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync(url, r => r.As(ResponseBodyKind.Stream), bound.Token);
        release.SetResult();
        var stream = (Stream)response.Body!;
        var buffer = new byte[64 * 1024];
        long total = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        Assert.Equal(64L * 64 * 1024, total);
        Assert.Equal(HttpCacheStatus.NotCacheable, response.CacheStatus);
    }

    [Fact]
    public async Task Get_ConnectionResetMidBody_ThrowsAndStoresNothing()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock);
        var url = server.On(async (ctx, hit) =>
        {
            ctx.Response.Headers.CacheControl = "max-age=60";
            if (hit == 1)
            {
                ctx.Response.ContentLength = 10_000;
                await ctx.Response.Body.WriteAsync(new byte[100]);
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return;
            }

            await ctx.Response.WriteAsync("whole");
        });

        var error = await Record.ExceptionAsync(() => client.GetAsync(url));
        using var second = await client.GetAsync(url);

        Assert.True(error is HttpRequestException or IOException, $"Unexpected {error?.GetType()}: {error?.Message}");
        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal("whole", second.Body);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_MaxBodyBytesZero_StoresOnlyEmptyBodies()
    {
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.MaxBodyBytes = 0);
        var full = server.On("Cache-Control", "max-age=60");
        var empty = server.On((ctx, hit) =>
        {
            ctx.Response.StatusCode = 204;
            ctx.Response.Headers.CacheControl = "max-age=60";
            return Task.CompletedTask;
        });

        using var a = await client.GetAsync(full);
        using var b = await client.GetAsync(full);
        using var c = await client.GetAsync(empty);
        using var d = await client.GetAsync(empty);

        Assert.Equal(HttpCacheStatus.NotCacheable, b.CacheStatus);
        Assert.Equal("hit 2", b.Body);
        Assert.Equal(HttpCacheStatus.Hit, d.CacheStatus);
        Assert.Equal(204, d.Status);
    }
}
