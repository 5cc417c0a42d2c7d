using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.DependencyInjection.Tests.Infrastructure;

/// <summary>
/// The server the registered clients talk to: <c>/echo/…</c> answers what it received (method, path, headers, the
/// connection it came on); <c>/set-cookie?name=&amp;value=</c> sets a cookie; <c>/body</c> answers the request body as text; <c>/redirect</c> sends to
/// <c>/echo/final</c>; <c>/status/{code}</c> answers that status; <c>/hang?id=</c> never answers and signals
/// <see cref="Arrived"/>.
/// </summary>
public sealed class TestServer : IAsyncLifetime
{
    /// <summary>Guards every wait on a signal: a broken test fails after this instead of hanging.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new();

    public LoopbackServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public Uri Url(string pathAndQuery) => Server.Url(pathAndQuery);

    public TaskCompletionSource Arrived(string id) => _arrived.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(app =>
    {
        app.Map("/echo/{**rest}", (HttpContext ctx) => Results.Json(new Echo(
            ctx.Request.Method,
            ctx.Request.Path.Value ?? string.Empty,
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            ctx.Connection.Id)));
        app.MapPost("/body", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            return await reader.ReadToEndAsync(ctx.RequestAborted);
        });
        app.MapGet("/set-cookie", (string name, string value, HttpContext ctx) =>
        {
            ctx.Response.Headers.SetCookie = $"{name}={value}; Path=/";
            return "set";
        });
        app.MapGet("/redirect", () => Results.Redirect("/echo/final"));
        app.MapGet("/status/{code:int}", (int code) => Results.Text($"status {code} body", "text/plain; charset=utf-8", statusCode: code));
        app.MapGet("/hang", async (string id, HttpContext ctx) =>
        {
            Arrived(id).TrySetResult();
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(Guard, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client went away, as the test wants.
            }
        });
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>What <c>/echo</c> received.</summary>
public sealed record Echo(string Method, string Path, Dictionary<string, string> Headers, string ConnectionId)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
