namespace Herald.Client.Tests.Caching;

/// <summary>The in-memory store: exact byte bound, least recently used dropped first.</summary>
public sealed class MemoryHttpCacheStoreTests
{
    [Fact]
    public async Task SetAsync_OverTheBound_DropsTheLeastRecentlyUsed()
    {
        var store = new MemoryHttpCacheStore(sizeLimitBytes: 300);
        await store.SetAsync("a", new byte[98]); // 98 + 2 for the key = 100
        await store.SetAsync("b", new byte[98]);
        await store.SetAsync("c", new byte[98]);
        _ = await store.GetAsync("a");           // a is now the most recently used

        await store.SetAsync("d", new byte[98]);

        Assert.NotNull(await store.GetAsync("a"));
        Assert.Null(await store.GetAsync("b"));
        Assert.NotNull(await store.GetAsync("c"));
        Assert.NotNull(await store.GetAsync("d"));
        Assert.Equal(300, store.Size);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task SetAsync_EntryLargerThanTheBound_NotStoredAndReplacesNothingElse()
    {
        var store = new MemoryHttpCacheStore(sizeLimitBytes: 100);
        await store.SetAsync("a", new byte[10]);
        await store.SetAsync("big", new byte[10]);

        await store.SetAsync("big", new byte[200]);

        Assert.Null(await store.GetAsync("big"));
        Assert.NotNull(await store.GetAsync("a"));
        Assert.Equal(12, store.Size);
    }

    [Fact]
    public async Task SetAsync_SameKey_ReplacesAndRecountsTheSize()
    {
        var store = new MemoryHttpCacheStore(sizeLimitBytes: 1000);
        await store.SetAsync("k", new byte[100]);

        await store.SetAsync("k", new byte[10]);

        Assert.Equal(10, (await store.GetAsync("k"))!.Length);
        Assert.Equal(12, store.Size);
    }

    [Fact]
    public async Task RemoveAsync_AndClear_FreeTheSpace()
    {
        var store = new MemoryHttpCacheStore(sizeLimitBytes: 1000);
        await store.SetAsync("a", new byte[10]);
        await store.SetAsync("b", new byte[10]);

        await store.RemoveAsync("a");
        await store.RemoveAsync("missing");
        var afterRemove = store.Size;
        store.Clear();

        Assert.Equal(12, afterRemove);
        Assert.Equal(0, store.Size);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Constructor_NonPositiveBound_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryHttpCacheStore(0));
    }

    [Fact]
    public async Task ConcurrentUse_KeepsTheBound()
    {
        var store = new MemoryHttpCacheStore(sizeLimitBytes: 10_000);

        await Parallel.ForAsync(0, 2000, async (i, ct) =>
        {
            await store.SetAsync($"k{i % 300}", new byte[i % 97], ct);
            _ = await store.GetAsync($"k{(i * 7) % 300}", ct);
            if (i % 11 == 0)
            {
                await store.RemoveAsync($"k{i % 50}", ct);
            }
        });

        Assert.InRange(store.Size, 0, 10_000);
    }
}
