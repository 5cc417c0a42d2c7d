using System.Net.Sockets;
using System.Text;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests;

/// <summary>The reason phrase is only visible on a real HTTP/1.1 status line, so this test reads one from Kestrel.</summary>
public sealed class TeapotTests : IDisposable
{
    private readonly KestrelAppFactory _app = new();

    [Fact]
    public async Task Teapot_StatusLineCarriesReasonPhrase()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_app.Address.Host, _app.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /teapot HTTP/1.1\r\nHost: {_app.Address.Authority}\r\nConnection: close\r\n\r\n"));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        Assert.Equal("HTTP/1.1 418 I'm a tea pot", await reader.ReadLineAsync());
    }

    public void Dispose() => _app.Dispose();
}
