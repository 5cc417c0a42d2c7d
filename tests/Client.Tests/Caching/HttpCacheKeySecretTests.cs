using System.Security.Cryptography;
using System.Text;
using Herald.Client.Internal;

namespace Herald.Client.Tests.Caching;

/// <summary>
/// What a store learns: keys and credential hashes are HMACs under a secret, so a shared cache (Redis) gives away
/// neither URLs with their query nor credentials, not even to a dictionary attack.
/// </summary>
public sealed class HttpCacheKeySecretTests(CacheServer server) : IClassFixture<CacheServer>
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public async Task Get_DistributedStore_HoldsNoUrlQueryOrReversibleCredential()
    {
        const string basic = "Basic YWxpY2U6d29uZGVybGFuZA=="; // alice:wonderland, a password from any word list
        var redis = new RecordingDistributedCache();
        var clock = CacheClients.Clock();
        using var client = CacheClients.Create(clock, c =>
        {
            c.Store = new DistributedHttpCacheStore(redis, "app:");
            c.KeySecret = Secret;
        });
        var url = server.On("Cache-Control", "private, max-age=60") + "?api_key=k3y-in-the-query";

        using var first = await client.GetAsync(url, r => r.Header("Authorization", basic));
        using var second = await client.GetAsync(url, r => r.Header("Authorization", basic));

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.Equal(2, redis.Writes.Count); // the URL's record and the entry
        var path = new Uri(url).AbsolutePath;
        var plainHash = SHA256.HashData(Encoding.UTF8.GetBytes(basic)); // what an unkeyed hash would let anyone check guesses against
        Assert.All(redis.Writes, w =>
        {
            Assert.StartsWith("app:", w.Key, StringComparison.Ordinal);
            Assert.DoesNotContain("k3y", w.Key, StringComparison.Ordinal);
            Assert.DoesNotContain(path, w.Key, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", w.Key, StringComparison.Ordinal);
            var value = Encoding.UTF8.GetString(w.Value);
            Assert.DoesNotContain("k3y", value, StringComparison.Ordinal);
            Assert.DoesNotContain("YWxpY2U6", value, StringComparison.Ordinal);
            Assert.Equal(-1, w.Value.AsSpan().IndexOf(plainHash));
        });
    }

    [Fact]
    public async Task Get_InstancesWithTheSameSecret_ShareEntriesAndOthersDoNot()
    {
        var redis = new RecordingDistributedCache();
        var clock = CacheClients.Clock();
        using var one = CacheClients.Create(clock, c => (c.Store, c.KeySecret) = (new DistributedHttpCacheStore(redis), Secret));
        using var two = CacheClients.Create(clock, c => (c.Store, c.KeySecret) = (new DistributedHttpCacheStore(redis), [.. Secret]));
        using var stranger = CacheClients.Create(clock, c => (c.Store, c.KeySecret) = (new DistributedHttpCacheStore(redis), RandomNumberGenerator.GetBytes(32)));
        var url = server.On("Cache-Control", "max-age=60");

        using var first = await one.GetAsync(url, r => r.BearerToken("t0k"));
        using var shared = await two.GetAsync(url, r => r.BearerToken("t0k"));
        using var notShared = await stranger.GetAsync(url, r => r.BearerToken("t0k"));

        Assert.Equal(HttpCacheStatus.Hit, shared.CacheStatus);
        Assert.Equal(HttpCacheStatus.Miss, notShared.CacheStatus);
        Assert.Equal(2, server.Hits(url));
        Assert.Contains(redis.Writes, w => w.Key == DistributedHttpCacheStore.DefaultKeyPrefix + new CacheKeys(Secret).UrlKey(new Uri(url)));
    }

    [Fact]
    public void AddCache_DistributedStoreWithoutKeySecret_ThrowsSayingHowToMakeOne()
    {
        var options = new HeraldClientOptions();

        var error = Assert.Throws<ArgumentException>(() => options.AddCache(c => c.Store = new DistributedHttpCacheStore(new RecordingDistributedCache())));

        Assert.Equal("KeySecret", error.ParamName);
        Assert.Contains("HttpCacheOptions.KeySecret must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains("RandomNumberGenerator.GetBytes(32)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HeraldMiddleware.Cache, options.Middleware.Names);
    }

    [Fact]
    public void AddCache_ShortKeySecret_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => new HeraldClientOptions().AddCache(c => c.KeySecret = Encoding.UTF8.GetBytes("hunter2")));

        Assert.Equal("KeySecret", error.ParamName);
        Assert.Contains("7 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MemoryStoreWithoutSecret_KeysHoldNoUrlAndClientsOfOneProcessShareIt()
    {
        var store = new RecordingStore();
        var clock = CacheClients.Clock();
        using var one = CacheClients.Create(clock, c => c.Store = store);
        using var two = CacheClients.Create(clock, c => c.Store = store);
        var url = server.On("Cache-Control", "max-age=60") + "?token=secret";

        using var first = await one.GetAsync(url);
        using var second = await two.GetAsync(url);

        Assert.Equal(HttpCacheStatus.Hit, second.CacheStatus);
        Assert.All(store.Writes, w => Assert.DoesNotContain("secret", w.Key, StringComparison.Ordinal));
        Assert.All(store.Writes, w => Assert.DoesNotContain(new Uri(url).AbsolutePath, w.Key, StringComparison.Ordinal));
    }
}
