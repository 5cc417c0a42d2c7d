using Herald.Client.Tests.Infrastructure;
using Herald.Client.Tests.Progress.Support;

namespace Herald.Client.Tests.Progress;

/// <summary>
/// 100 MB each way with progress on: memory stays flat. Allocation is measured for the whole process (client and the
/// server in it), so these tests run alone (<see cref="AllocationSensitiveCollection"/>); each is bounded in time.
/// </summary>
[Collection(AllocationSensitiveCollection.Name)]
public sealed class LargeTransferProgressTests(ProgressServer server) : IClassFixture<ProgressServer>
{
    private const long Size = 100L * 1024 * 1024;
    private const long Bound = 16 * 1024 * 1024;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task OnUploadProgress_100MegabyteStream_KeepsMemoryFlat()
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Timeout = Limit;
        });
        using (await client.PostAsync("count", r => r.Body(new GeneratedStream(1024 * 1024)).OnUploadProgress(_ => { })))
        {
            // Warm up the connection and the code paths so one-time allocations are not counted.
        }

        var log = new ProgressLog();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.PostAsync("count", r => r.Body(new GeneratedStream(Size), length: Size).OnUploadProgress(log.Add));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Size.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Body);
        log.AssertCompleted(Size, Size);
        Assert.InRange(log.Reports.Count, 50, 2000); // steps of 1 MiB or 100 ms, not one per chunk
        Assert.True(allocated < Bound, $"allocated {allocated:N0} bytes for a {Size:N0}-byte upload");
    }

    [Fact]
    public async Task OnDownloadProgress_100MegabyteStream_KeepsMemoryFlat()
    {
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);
        await ReadAllAsync(client, 1024 * 1024, new ProgressLog()); // warm-up

        var log = new ProgressLog();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var read = await ReadAllAsync(client, Size, log).WaitAsync(Limit);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(Size, read);
        log.AssertCompleted(Size, Size);
        Assert.InRange(log.Reports.Count, 50, 2000);
        Assert.True(allocated < Bound, $"allocated {allocated:N0} bytes for a {Size:N0}-byte download");
    }

    private static async Task<long> ReadAllAsync(HeraldClient client, long size, ProgressLog log)
    {
        using var response = await client.GetAsync($"bytes/{size}", r => r.As(ResponseBodyKind.Stream).OnDownloadProgress(log.Add));
        var stream = (Stream)response.Body!;
        var buffer = new byte[80 * 1024];
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
