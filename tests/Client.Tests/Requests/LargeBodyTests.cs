using System.Text.Json;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Requests;

/// <summary>
/// Allocation is measured for the whole process, so these tests run alone (<see cref="AllocationSensitiveCollection"/>).
/// </summary>
[Collection(AllocationSensitiveCollection.Name)]
public sealed class LargeBodyTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private HeraldClient NewClient() => new(o => o.BaseAddress = echo.BaseAddress);

    [Fact]
    public async Task StreamBody_100MegabytesGenerated_IsSentWithoutBuffering()
    {
        const long size = 100L * 1024 * 1024;
        using var client = NewClient();
        // Warm up the connection and the code paths so one-time allocations are not counted.
        using (await client.PostAsync("count", r => r.Body(new GeneratedStream(1024 * 1024))))
        {
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.PostAsync("count", r => r.Body(new GeneratedStream(size)));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        using var doc = JsonDocument.Parse((string)response.Body!);
        Assert.Equal(size, doc.RootElement.GetProperty("length").GetInt64());
        Assert.Equal("chunked", doc.RootElement.GetProperty("chunked").GetString());
        // The whole process (client and the server reading it) allocated a small fraction of the body.
        Console.WriteLine($"100 MB upload allocated {allocated:N0} bytes");
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes for a {size:N0}-byte upload");
    }
}
