using BenchmarkDotNet.Attributes;
using Herald.Client;

namespace Herald.Bench.Client;

/// <summary>
/// What the connection pool buys: sequential GETs of the small document on a pooled keep-alive connection, against a
/// new TCP connection for every request (<c>Connection: close</c>, or a new handler per request as code that creates
/// an <see cref="HttpClient"/> per call does).
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ConnectionReuseBenchmarks
{
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private HeraldClient _herald = null!;

    /// <summary>Starts the server and checks that pooled requests share a connection and the others do not.</summary>
    /// <returns>A task that completes when all is ready.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
        _herald = new HeraldClient(o => o.BaseAddress = _server.BaseAddress);

        await ExpectAsync("HttpClient, pooled", sameConnection: true, () => _http.GetStringAsync("connection"));
        await ExpectAsync("HttpClient, Connection: close", sameConnection: false, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "connection") { Headers = { ConnectionClose = true } };
            using var response = await _http.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        });
        await ExpectAsync("HttpClient, new handler", sameConnection: false, async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
            return await client.GetStringAsync("connection");
        });
        await ExpectAsync("Herald, pooled", sameConnection: true, () => _herald.GetStringAsync("connection"));
        await ExpectAsync("Herald, Connection: close", sameConnection: false,
            () => _herald.GetStringAsync("connection", r => r.Header("Connection", "close")));
    }

    /// <summary>Disposes the clients and stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _herald.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A shared <see cref="HttpClient"/>: one keep-alive connection serves every request.</summary>
    /// <returns>The body.</returns>
    [Benchmark(Baseline = true, Description = "HttpClient, pooled connection")]
    public async Task<byte[]> HttpClient_Pooled()
    {
        using var response = await _http.GetAsync("todo");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The same client with <c>Connection: close</c>: a new TCP connection per request.</summary>
    /// <returns>The body.</returns>
    [Benchmark(Description = "HttpClient, Connection: close")]
    public async Task<byte[]> HttpClient_ConnectionClose()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "todo") { Headers = { ConnectionClose = true } };
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A new <see cref="HttpClient"/> and handler per request: a new connection and a new pool each time.</summary>
    /// <returns>The body.</returns>
    [Benchmark(Description = "HttpClient, new handler per request")]
    public async Task<byte[]> HttpClient_NewHandler()
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseAddress };
        using var response = await client.GetAsync("todo");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Herald with its default middleware, pooled.</summary>
    /// <returns>The body.</returns>
    [Benchmark(Description = "Herald.Client, pooled connection")]
    public Task<byte[]> Herald_Pooled() => _herald.GetBytesAsync("todo");

    /// <summary>Herald with <c>Connection: close</c>.</summary>
    /// <returns>The body.</returns>
    [Benchmark(Description = "Herald.Client, Connection: close")]
    public Task<byte[]> Herald_ConnectionClose() => _herald.GetBytesAsync("todo", r => r.Header("Connection", "close"));

    private static async Task ExpectAsync(string what, bool sameConnection, Func<Task<string>> connectionId)
    {
        var first = await connectionId();
        var second = await connectionId();
        if ((first == second) != sameConnection)
        {
            throw new InvalidOperationException(
                $"{what}: two sequential requests came on {(first == second ? "the same connection" : "different connections")}, "
                + $"so this benchmark would not measure what it says.");
        }
    }
}
