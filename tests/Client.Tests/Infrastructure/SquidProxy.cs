namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// Debian's squid as a forward HTTP proxy on a free loopback port, configured by the test (no cache, logs and pid in
/// a temporary directory, foreground). It adds <c>Via: 1.1 host (squid/…)</c> to what it forwards.
/// </summary>
public sealed class SquidProxy : IAsyncDisposable
{
    /// <summary>Where Debian installs squid.</summary>
    public const string Path = "/usr/sbin/squid";

    private readonly ToolProcess _process;
    private readonly string _serviceName;

    private SquidProxy(ToolProcess process, string serviceName, int port)
    {
        _process = process;
        _serviceName = serviceName;
        Port = port;
    }

    /// <summary>Gets the port squid listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the proxy address, <c>http://127.0.0.1:port</c>.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts squid; with <paramref name="requireAuth"/> it demands proxy credentials (any user name and password pass).</summary>
    public static async Task<SquidProxy> StartAsync(bool requireAuth = false)
    {
        var directory = ToolProcess.CreateDirectory("herald-squid-");
        var port = ToolProcess.FreePort();
        // The service name prefixes squid's shared-memory segments: a unique one keeps parallel runs apart.
        var serviceName = "herald" + Guid.NewGuid().ToString("N")[..12];
        var auth = requireAuth
            ? """
              auth_param basic program /usr/lib/squid/basic_fake_auth
              auth_param basic realm herald-test
              acl authenticated proxy_auth REQUIRED
              http_access allow localhost authenticated
              """
            : "http_access allow localhost";
        var config = $"""
            http_port 127.0.0.1:{port}
            {auth}
            http_access deny all
            cache deny all
            cache_mem 8 MB
            pinger_enable off
            shutdown_lifetime 0 seconds
            pid_filename {directory}/squid.pid
            access_log stdio:{directory}/access.log
            cache_log {directory}/cache.log
            coredump_dir {directory}
            """;
        var configPath = System.IO.Path.Combine(directory, "squid.conf");
        await File.WriteAllTextAsync(configPath, config);
        try
        {
            var process = await ToolProcess.StartAsync(Path, "squid", directory,
                ["-N", "-d", "1", "-n", serviceName, "-f", configPath],
                line => line.Contains("Accepting HTTP Socket connections", StringComparison.Ordinal),
                port);
            return new SquidProxy(process, serviceName, port);
        }
        catch
        {
            RemoveSharedMemory(serviceName);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        RemoveSharedMemory(_serviceName);
    }

    // Squid names its shared-memory segments after the service and leaves them behind when killed.
    private static void RemoveSharedMemory(string serviceName)
    {
        if (!System.IO.Directory.Exists("/dev/shm"))
        {
            return;
        }

        foreach (var segment in System.IO.Directory.EnumerateFiles("/dev/shm", serviceName + "-*"))
        {
            File.Delete(segment);
        }
    }
}
