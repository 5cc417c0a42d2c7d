using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// An external server program started for a test in its own temporary directory: its output is collected line by
/// line so a test can wait for a line (readiness, a log entry) instead of sleeping; disposing kills it and removes
/// the directory.
/// </summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Signal)> _waiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>Gets the temporary directory the program runs in.</summary>
    public string Directory { get; }

    /// <summary>Gets everything the program wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Returns a loopback TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Creates a temporary directory every user can write (servers that drop root privileges log there).</summary>
    public static string CreateDirectory(string prefix)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        if (OperatingSystem.IsWindows())
        {
            return directory;
        }

        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        return directory;
    }

    /// <summary>
    /// Starts <paramref name="path"/> and waits until it writes a line matching <paramref name="ready"/> and accepts
    /// TCP connections on <paramref name="port"/>. Fails with the program's output if it exits or is not ready in time.
    /// </summary>
    public static async Task<ToolProcess> StartAsync(string path, string package, string directory, IEnumerable<string> arguments, Func<string, bool> ready, int port)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is not installed, and {RequiresToolFactAttribute.RequireToolsVariable}=1 requires it: run `apt-get install {package}`.");
        }

        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var tool = new ToolProcess(process, directory);
        process.OutputDataReceived += (_, e) => tool.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => tool.OnLine(e.Data);
        process.Exited += (_, _) => tool._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var readyLine = tool.WaitForLineAsync(ready);
            var first = await Task.WhenAny(readyLine, tool._exited.Task).WaitAsync(StartLimit);
            if (first != readyLine)
            {
                throw new InvalidOperationException($"{path} exited before it was ready:\n{tool.Output}");
            }

            await tool.PollPortAsync(path, port);
        }
        catch (Exception ex) when (ex is TimeoutException or SocketException)
        {
            await tool.DisposeAsync();
            throw new InvalidOperationException($"{path} did not become ready on port {port}: {ex.Message}\n{tool.Output}", ex);
        }
        catch
        {
            await tool.DisposeAsync();
            throw;
        }

        return tool;
    }

    // A server may log that it is ready a moment before its socket listens (squid does: its acceptor starts on the
    // next turn of its event loop), and nothing signals that moment, so the port is polled: at most 200 tries, 25 ms
    // apart, stopping early if the program exits.
    private async Task PollPortAsync(string path, int port)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port).WaitAsync(StartLimit);
                return;
            }
            catch (SocketException) when (!_exited.Task.IsCompleted)
            {
                await pace.WaitForNextTickAsync();
            }
        }

        throw new TimeoutException($"{path} logged that it was ready but port {port} refused connections for 5 s.");
    }

    /// <summary>Waits (at most 30 s) for an output line matching <paramref name="match"/>, including lines already written.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                if (match(line))
                {
                    return Task.FromResult(line);
                }
            }

            _waiters.Add((match, signal));
        }

        return signal.Task.WaitAsync(StartLimit);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _exited.Task.WaitAsync(StartLimit);
        }
        catch (InvalidOperationException)
        {
            // It never started or already went.
        }
        finally
        {
            _process.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A child still finishing a log write; the OS temp cleaner takes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Signal.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
