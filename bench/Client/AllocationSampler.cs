using System.Diagnostics.Tracing;
using System.Net.Http.Json;
using Herald.Client;

namespace Herald.Bench.Client;

/// <summary>
/// Says what a client's allocations per request are made of: sends a few thousand GETs through one client and ranks
/// the runtime's allocation samples (one GC AllocationTick event about every 100 KB) by type. The in-process server's
/// types appear too, alike for every client. Run with <c>-- allocations</c>; see bench/RESULTS.md.
/// </summary>
internal static class AllocationSampler
{
    private const int Warmup = 2_000;
    private const int Requests = 20_000;
    private const int Top = 25;

    public static async Task RunAsync()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server.BaseAddress };
        using var herald = new HeraldClient(o => o.BaseAddress = server.BaseAddress);
        using var heraldBare = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Middleware.Clear();
        });

        await SampleAsync("HttpClient + System.Net.Http.Json", () => http.GetFromJsonAsync<Todo>("todo"));
        await SampleAsync("Herald.Client, default middleware", () => herald.GetJsonAsync<Todo>("todo"));
        await SampleAsync("Herald.Client, no middleware", () => heraldBare.GetJsonAsync<Todo>("todo"));
    }

    private static async Task SampleAsync(string name, Func<Task<Todo?>> get)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await get();
        }

        using var listener = new AllocationListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Requests; i++)
        {
            await get();
        }

        var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / Requests;
        Console.WriteLine($"## {name}: {perRequest} B per GET (process-wide, server included)");
        Console.WriteLine();
        Console.WriteLine("| sampled B/request | type |");
        Console.WriteLine("| ---: | --- |");
        foreach (var (type, bytes) in listener.Snapshot().OrderByDescending(e => e.Value).Take(Top))
        {
            // A compiler-generated name can hold '|', which would split the Markdown cell.
            Console.WriteLine($"| {bytes / Requests} | `{type.Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }

        Console.WriteLine();
    }

    /// <summary>Adds up the bytes each AllocationTick event stands for, by type name.</summary>
    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> _bytes = [];

        public Dictionary<string, long> Snapshot()
        {
            lock (_bytes)
            {
                return new Dictionary<string, long>(_bytes);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
            {
                return;
            }

            var names = eventData.PayloadNames!;
            var type = eventData.Payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = names.IndexOf("AllocationAmount64") is var i and >= 0 ? Convert.ToInt64(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }
    }
}
