using System.Text;
using Herald.Client.Internal;
using Herald.Client.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Client.Tests.Caching;

/// <summary>The stores: a shared IDistributedCache between clients, and failures of a store that never fail a call.</summary>
public sealed class HttpCacheStoreTests(CacheServer server) : IClassFixture<CacheServer>
{
    private static readonly byte[] Secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task Get_TwoClientsOnOneDistributedCache_ShareEntries()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var clock = CacheClients.Clock();
        using var one = CacheClients.Create(clock, o => (o.Store, o.KeySecret) = (new DistributedHttpCacheStore(shared), Secret));
        using var two = CacheClients.Create(clock, o => (o.Store, o.KeySecret) = (new DistributedHttpCacheStore(shared), Secret));
        var url = server.On("Cache-Control", "max-age=60", "ETag", "\"e\"", "Content-Type", "text/plain; charset=utf-8");

        using var first = await one.GetAsync(url);
        clock.Advance(TimeSpan.FromSeconds(5));
        using var second = await two.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal("hit 1", second.Body);
        Assert.Equal("\"e\"", second.Headers["ETag"]);
        Assert.Equal("text/plain; charset=utf-8", second.Headers["Content-Type"]);
        Assert.Equal("5", second.Headers["Age"]);
        Assert.Equal(1, server.Hits(url));
        Assert.NotNull(await shared.GetAsync(DistributedHttpCacheStore.DefaultKeyPrefix + new CacheKeys(Secret).UrlKey(new Uri(url))));
    }

    [Fact]
    public async Task Get_ResponsesOverTheMemoryStoreBound_EvictTheLeastRecentlyUsed()
    {
        var clock = CacheClients.Clock();

        // What one response costs in the store (its entry and URL record, keys included), measured rather than assumed;
        // every URL here has the same length and every body too, so each costs the same.
        var probe = new MemoryHttpCacheStore();
        using (var measuring = CacheClients.Create(clock, o => o.Store = probe))
        {
            Assert.Equal(HttpCacheStatus.Miss, await StatusOfAsync(measuring, server.On("Cache-Control", "max-age=600")));
        }

        var cost = probe.Size;
        Assert.True(cost > 0);
        var store = new MemoryHttpCacheStore(sizeLimitBytes: (cost * 2) + (cost / 2)); // room for two, not three
        using var client = CacheClients.Create(clock, o => o.Store = store);
        var a = server.On("Cache-Control", "max-age=600");
        var b = server.On("Cache-Control", "max-age=600");
        var c = server.On("Cache-Control", "max-age=600");

        Assert.Equal(HttpCacheStatus.Miss, await StatusOfAsync(client, a));
        Assert.Equal(HttpCacheStatus.Miss, await StatusOfAsync(client, b));
        Assert.Equal(HttpCacheStatus.Hit, await StatusOfAsync(client, a)); // a is now used more recently than b
        Assert.Equal(HttpCacheStatus.Miss, await StatusOfAsync(client, c)); // storing c pushes b out
        Assert.InRange(store.Size, 0, store.SizeLimitBytes);

        Assert.Equal(HttpCacheStatus.Hit, await StatusOfAsync(client, a));
        Assert.Equal(HttpCacheStatus.Hit, await StatusOfAsync(client, c));
        Assert.Equal(HttpCacheStatus.Miss, await StatusOfAsync(client, b));
        Assert.Equal((1, 2, 1), (server.Hits(a), server.Hits(b), server.Hits(c))); // only b reached the server again
        Assert.InRange(store.Size, 0, store.SizeLimitBytes);
    }

    [Fact]
    public async Task Post_OnOneClient_InvalidatesTheSharedEntryForTheOther()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var clock = CacheClients.Clock();
        using var one = CacheClients.Create(clock, o => (o.Store, o.KeySecret) = (new DistributedHttpCacheStore(shared, "app:"), Secret));
        using var two = CacheClients.Create(clock, o => (o.Store, o.KeySecret) = (new DistributedHttpCacheStore(shared, "app:"), Secret));
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await one.GetAsync(url);
        using var change = await two.PostAsync(url);
        using var after = await one.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, after.CacheStatus);
        Assert.Equal("hit 3", after.Body);
    }

    [Fact]
    public async Task Get_CorruptUrlRecordInTheStore_MissLoggedAndReplaced()
    {
        var store = new MemoryHttpCacheStore();
        var logger = new CapturingLogger();
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => (o.Store, o.KeySecret) = (store, Secret), o => o.Logging.Logger = logger);
        var url = server.On("Cache-Control", "max-age=60");
        await store.SetAsync(new CacheKeys(Secret).UrlKey(new Uri(url)), Encoding.UTF8.GetBytes("not an entry"));

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, first.CacheStatus);
        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_TruncatedEntry_MissNotThrown()
    {
        var store = new RecordingStore();
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.Store = store);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url);
        var (key, bytes) = store.Writes.Last(); // the entry, written after the URL's record
        await store.SetAsync(key, bytes[..(bytes.Length / 2)]);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Miss, second.CacheStatus);
        Assert.Equal(2, server.Hits(url));
    }

    [Fact]
    public async Task Get_StoreThrows_CallGoesOnAndTheFailureIsLogged()
    {
        var logger = new CapturingLogger();
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, o => o.Store = new BrokenStore(), o => o.Logging.Logger = logger);
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await client.GetAsync(url + "?token=secret");
        using var second = await client.GetAsync(url + "?token=secret");

        Assert.Equal("hit 2", second.Body);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Exception is InvalidOperationException);
        Assert.DoesNotContain("secret", logger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CancelledWhileTheStoreIsRead_StaysACancellation()
    {
        var clock = CacheClients.Clock();
        var store = new BlockingStore();
        using var client = CacheClients.Create(clock, o => o.Store = store);
        var url = server.On("Cache-Control", "max-age=60");
        using var cts = new CancellationTokenSource();

        var call = client.GetAsync(url, cancellationToken: cts.Token);
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, server.Hits(url));
    }

    private static async Task<HttpCacheStatus> StatusOfAsync(HeraldClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(200, response.Status);
        return response.CacheStatus;
    }

    private sealed class BrokenStore : IHttpCacheStore
    {
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Redis is down.");

        public ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Redis is down.");

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Redis is down.");
    }

    private sealed class BlockingStore : IHttpCacheStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public ValueTask SetAsync(string key, byte[] entry, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
