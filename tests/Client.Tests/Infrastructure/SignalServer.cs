using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// A loopback server whose slow endpoints tell the test what happened, so tests wait on signals rather than time:
/// <c>/hang?id=X</c> never answers; <c>/slow-body?id=X</c> sends headers and a first chunk, then nothing more.
/// Both signal <see cref="Arrived"/> once the request is in (and the chunk flushed) and <see cref="Aborted"/> when
/// the client goes away. <c>/status/{code}</c> answers that status with a small body.
/// </summary>
public sealed class SignalServer : IAsyncLifetime
{
    /// <summary>Guards every wait on a signal: a broken test fails after this instead of hanging.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _aborted = new();

    public LoopbackServer Server { get; private set; } = null!;

    public TaskCompletionSource Arrived(string id) => _arrived.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public TaskCompletionSource Aborted(string id) => _aborted.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public static string NewId() => Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/ping", () => "pong");
        app.MapGet("/status/{code:int}", (int code, HttpContext ctx) =>
        {
            ctx.Response.Headers["X-Status"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return code is 204 or 304 ? Results.StatusCode(code) : Results.Text($"status {code} body", "text/plain; charset=utf-8", statusCode: code);
        });
        app.MapGet("/hang", async (string id, HttpContext ctx) =>
        {
            Arrived(id).TrySetResult();
            await WaitForAbortAsync(id, ctx);
        });
        app.MapGet("/slow-body", async (string id, HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/octet-stream";
            await ctx.Response.Body.WriteAsync(new byte[16 * 1024]);
            await ctx.Response.Body.FlushAsync();
            Arrived(id).TrySetResult();
            await WaitForAbortAsync(id, ctx);
        });
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    // Signalled after the wait rather than from a RequestAborted registration: the wait's own continuation can run
    // inline while the token fires and end the handler, disposing a registration before its callback runs.
    private async Task WaitForAbortAsync(string id, HttpContext ctx)
    {
        try
        {
            await new TaskCompletionSource().Task.WaitAsync(Guard, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Aborted(id).TrySetResult();
        }
        catch (TimeoutException)
        {
        }
    }
}
