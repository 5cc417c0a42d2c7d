namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// Debian's dante (<c>danted</c>) as a SOCKS5 proxy on a free loopback port, without authentication, logging each
/// connection it passes (<c>… -> 127.0.0.1.PORT</c>) so a test can see a request went through it.
/// </summary>
public sealed class DanteProxy : IAsyncDisposable
{
    /// <summary>Where Debian installs dante's server.</summary>
    public const string Path = "/usr/sbin/danted";

    private readonly ToolProcess _process;

    private DanteProxy(ToolProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>Gets the port dante listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the proxy address, <c>socks5://127.0.0.1:port</c>.</summary>
    public Uri Address => new($"socks5://127.0.0.1:{Port}");

    /// <summary>Starts dante.</summary>
    public static async Task<DanteProxy> StartAsync()
    {
        var directory = ToolProcess.CreateDirectory("herald-dante-");
        var port = ToolProcess.FreePort();
        // As root dante needs an unprivileged user to switch to; as anyone else the line is ignored.
        var config = $$"""
            logoutput: stderr
            internal: 127.0.0.1 port = {{port}}
            external: lo
            socksmethod: none
            clientmethod: none
            user.notprivileged: nobody
            client pass {
              from: 127.0.0.0/8 to: 0.0.0.0/0
            }
            socks pass {
              from: 127.0.0.0/8 to: 0.0.0.0/0
              log: connect
            }
            """;
        var configPath = System.IO.Path.Combine(directory, "danted.conf");
        await File.WriteAllTextAsync(configPath, config);
        var process = await ToolProcess.StartAsync(Path, "dante-server", directory,
            ["-f", configPath, "-p", System.IO.Path.Combine(directory, "danted.pid")],
            line => line.Contains(" running", StringComparison.Ordinal),
            port);
        return new DanteProxy(process, port);
    }

    /// <summary>
    /// Waits for dante to log a connection it passed on to <paramref name="targetPort"/> on 127.0.0.1, a line like
    /// <c>pass(1): tcp/connect [: client proxy -> 127.0.0.1.50000 127.0.0.1.PORT</c>.
    /// </summary>
    public Task<string> WaitForConnectionToAsync(int targetPort) =>
        _process.WaitForLineAsync(line => line.Contains("tcp/connect", StringComparison.Ordinal)
            && line.TrimEnd().EndsWith($" 127.0.0.1.{targetPort}", StringComparison.Ordinal));

    /// <summary>Gets what dante logged so far.</summary>
    public string Output => _process.Output;

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
