using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Herald.Bench.Client;

/// <summary>
/// The in-process server's own share of each request: the same GET and POST sent as fixed bytes on a raw keep-alive
/// socket, which allocates next to nothing on the client side. BenchmarkDotNet counts allocations process-wide, so
/// this row's allocations are what the server adds to every row of <see cref="JsonClientBenchmarks"/>.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ServerShareBenchmarks
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private LoopbackServer _server = null!;
    private Socket _socket = null!;
    private byte[] _get = null!;
    private byte[] _post = null!;
    private int _getLength;
    private int _postLength;

    /// <summary>Starts the server, opens one connection and learns the (fixed) length of each answer.</summary>
    /// <returns>A task that completes when all is ready.</returns>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackServer.StartAsync();
        var host = _server.BaseAddress.Authority;
        var body = JsonSerializer.SerializeToUtf8Bytes(Todo.Sample, JsonSerializerOptions.Web);
        _get = Encoding.ASCII.GetBytes($"GET /todo HTTP/1.1\r\nHost: {host}\r\n\r\n");
        _post = [.. Encoding.ASCII.GetBytes(
            $"POST /todo HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];

        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _server.BaseAddress.Port));
        _getLength = await LearnLengthAsync(_get);
        _postLength = await LearnLengthAsync(_post);
    }

    /// <summary>Closes the connection and stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _socket.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>GET /todo as fixed bytes; reads the whole answer.</summary>
    /// <returns>The bytes read.</returns>
    [Benchmark(Description = "raw socket GET (server's share)")]
    public async Task<int> Get()
    {
        await _socket.SendAsync(_get, SocketFlags.None);
        return await ReceiveAsync(_getLength);
    }

    /// <summary>POST /todo as fixed bytes; reads the whole answer.</summary>
    /// <returns>The bytes read.</returns>
    [Benchmark(Description = "raw socket POST (server's share)")]
    public async Task<int> Post()
    {
        await _socket.SendAsync(_post, SocketFlags.None);
        return await ReceiveAsync(_postLength);
    }

    private async ValueTask<int> ReceiveAsync(int length)
    {
        var received = 0;
        while (received < length)
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(received), SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            received += read;
        }

        return received;
    }

    // The answer's length never changes (fixed body, fixed-width Date header), so one exchange tells it; the check
    // makes sure the request was understood and the body is the document.
    private async Task<int> LearnLengthAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var received = 0;
        while (true)
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(received), SocketFlags.None);
            if (read == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            received += read;
            var text = Encoding.ASCII.GetString(_buffer, 0, received);
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                continue;
            }

            if (!text.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Expected 200, got: {text[..text.IndexOf('\r', StringComparison.Ordinal)]}");
            }

            var lengthHeader = text[..headerEnd].Split("\r\n").Single(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var total = headerEnd + 4 + int.Parse(lengthHeader["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (received < total)
            {
                continue;
            }

            var document = JsonSerializer.Deserialize<Todo>(_buffer.AsSpan(headerEnd + 4, total - headerEnd - 4), JsonSerializerOptions.Web);
            if (document?.Title != Todo.Sample.Title)
            {
                throw new InvalidOperationException("The raw exchange did not return the document.");
            }

            return total;
        }
    }
}
