using System.Net.Sockets;
using System.Text;

namespace Herald.Responses.Tests.Files;

/// <summary>
/// Sends a request line exactly as written. HttpClient normalises targets (<c>..</c>, <c>%2e</c>), so traversal
/// attempts have to be written to the socket by hand to reach the server unaltered.
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Raw)> GetAsync(Uri baseAddress, string requestTarget)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port, timeout.Token);
        await using var stream = client.GetStream();
        var request = $"GET {requestTarget} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var raw = Encoding.Latin1.GetString(received.ToArray());

        // "HTTP/1.1 404 Not Found"
        var status = int.Parse(raw.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        return (status, raw);
    }
}
