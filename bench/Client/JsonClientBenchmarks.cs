using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flurl.Http;
using Herald.Client;
using RestSharp;

namespace Herald.Bench.Client;

/// <summary>
/// GET of a small JSON document read into <see cref="Todo"/>, and POST of one as JSON, through each client against the
/// same loopback server. The baseline of each category is a bare <see cref="HttpClient"/> with System.Net.Http.Json.
/// </summary>
/// <remarks>
/// Every client is built once and reused, as each library recommends, so the numbers are per request on a warm
/// connection pool. The in-process server's allocations count in every row alike (BenchmarkDotNet reads the
/// process-wide allocation counter); <see cref="ServerShareBenchmarks"/> measures that share alone.
/// </remarks>
[Config(typeof(ShortRunConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonClientBenchmarks
{
    private readonly Todo _body = Todo.Sample;
    private LoopbackServer _server = null!;
    private HttpClient _http = null!;
    private HeraldClient _herald = null!;
    private HeraldClient _heraldBare = null!;
    private RestClient _rest = null!;
    private FlurlClient _flurl = null!;

    /// <summary>Starts the server, builds every client and checks that each one reads and sends the document intact.</summary>
    /// <returns>A task that completes when all is ready.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync();
        var baseAddress = _server.BaseAddress;
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        _herald = new HeraldClient(o => o.BaseAddress = baseAddress);
        _heraldBare = new HeraldClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.Middleware.Clear();
        });
        _rest = new RestClient(new RestClientOptions(baseAddress));
        _flurl = new FlurlClient(baseAddress.ToString());

        // A benchmark of a client that silently got the wrong answer would measure nothing: check each one first.
        var clients = new (string Name, Func<Task<Todo?>> Get, Func<Task<Todo?>> Echo)[]
        {
            ("HttpClient", Get_HttpClient, async () => await (await _http.PostAsJsonAsync("echo", _body)).Content.ReadFromJsonAsync<Todo>()),
            ("Herald", Get_HeraldDefault, () => _herald.PostJsonAsync<Todo, Todo>("echo", _body)),
            ("Herald without middleware", Get_HeraldNoMiddleware, () => _heraldBare.PostJsonAsync<Todo, Todo>("echo", _body)),
            ("RestSharp", Get_RestSharp, () => _rest.PostJsonAsync<Todo, Todo>("echo", _body)),
            ("Flurl.Http", Get_Flurl, () => _flurl.Request("echo").PostJsonAsync(_body).ReceiveJson<Todo>()!),
        };
        foreach (var (name, get, echo) in clients)
        {
            Check(name + " GET", await get());
            Check(name + " POST body", await echo());
        }
    }

    /// <summary>Disposes the clients and stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        _herald.Dispose();
        _heraldBare.Dispose();
        _rest.Dispose();
        _flurl.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>Bare <see cref="HttpClient"/>: <c>GetFromJsonAsync</c>.</summary>
    /// <returns>The document.</returns>
    [Benchmark(Baseline = true, Description = "HttpClient + System.Net.Http.Json")]
    [BenchmarkCategory("GET")]
    public Task<Todo?> Get_HttpClient() => _http.GetFromJsonAsync<Todo>("todo");

    /// <summary>Herald with its default middleware: <c>GetJsonAsync</c>.</summary>
    /// <returns>The document.</returns>
    [Benchmark(Description = "Herald.Client, default middleware")]
    [BenchmarkCategory("GET")]
    public Task<Todo?> Get_HeraldDefault() => _herald.GetJsonAsync<Todo>("todo");

    /// <summary>Herald with no middleware: <c>GetJsonAsync</c>.</summary>
    /// <returns>The document.</returns>
    [Benchmark(Description = "Herald.Client, no middleware")]
    [BenchmarkCategory("GET")]
    public Task<Todo?> Get_HeraldNoMiddleware() => _heraldBare.GetJsonAsync<Todo>("todo");

    /// <summary>RestSharp: <c>GetAsync&lt;T&gt;</c>.</summary>
    /// <returns>The document.</returns>
    [Benchmark(Description = "RestSharp 114")]
    [BenchmarkCategory("GET")]
    public Task<Todo?> Get_RestSharp() => _rest.GetAsync<Todo>("todo");

    /// <summary>Flurl.Http 2.4.2: <c>GetJsonAsync&lt;T&gt;</c>.</summary>
    /// <returns>The document.</returns>
    [Benchmark(Description = "Flurl.Http 2.4.2")]
    [BenchmarkCategory("GET")]
    public Task<Todo?> Get_Flurl() => _flurl.Request("todo").GetJsonAsync<Todo>()!;

    /// <summary>Bare <see cref="HttpClient"/>: <c>PostAsJsonAsync</c>, then <c>ReadFromJsonAsync</c>.</summary>
    /// <returns>The document answered.</returns>
    [Benchmark(Baseline = true, Description = "HttpClient + System.Net.Http.Json")]
    [BenchmarkCategory("POST")]
    public async Task<Todo?> Post_HttpClient()
    {
        using var response = await _http.PostAsJsonAsync("todo", _body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Todo>();
    }

    /// <summary>Herald with its default middleware: <c>PostJsonAsync</c>.</summary>
    /// <returns>The document answered.</returns>
    [Benchmark(Description = "Herald.Client, default middleware")]
    [BenchmarkCategory("POST")]
    public Task<Todo?> Post_HeraldDefault() => _herald.PostJsonAsync<Todo, Todo>("todo", _body);

    /// <summary>Herald with no middleware: <c>PostJsonAsync</c>.</summary>
    /// <returns>The document answered.</returns>
    [Benchmark(Description = "Herald.Client, no middleware")]
    [BenchmarkCategory("POST")]
    public Task<Todo?> Post_HeraldNoMiddleware() => _heraldBare.PostJsonAsync<Todo, Todo>("todo", _body);

    /// <summary>RestSharp: <c>PostJsonAsync&lt;TRequest, TResponse&gt;</c>.</summary>
    /// <returns>The document answered.</returns>
    [Benchmark(Description = "RestSharp 114")]
    [BenchmarkCategory("POST")]
    public Task<Todo?> Post_RestSharp() => _rest.PostJsonAsync<Todo, Todo>("todo", _body);

    /// <summary>Flurl.Http 2.4.2: <c>PostJsonAsync</c>, then <c>ReceiveJson&lt;T&gt;</c>.</summary>
    /// <returns>The document answered.</returns>
    [Benchmark(Description = "Flurl.Http 2.4.2")]
    [BenchmarkCategory("POST")]
    public Task<Todo?> Post_Flurl() => _flurl.Request("todo").PostJsonAsync(_body).ReceiveJson<Todo>()!;

    private static void Check(string what, Todo? actual)
    {
        var expected = Todo.Sample;
        if (actual is null || actual.Id != expected.Id || actual.Title != expected.Title || actual.Due != expected.Due
            || !actual.Tags.SequenceEqual(expected.Tags))
        {
            throw new InvalidOperationException($"{what}: the document did not round-trip; the benchmark would measure a broken call.");
        }
    }
}
