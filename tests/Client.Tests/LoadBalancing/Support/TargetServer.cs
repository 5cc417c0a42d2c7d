using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Client.Tests.LoadBalancing.Support;

/// <summary>
/// One target of a load balancer or failover client: a Kestrel server on 127.0.0.1 whose <c>/api/**</c> answers
/// <c>name METHOD raw-target body</c> with <see cref="Status"/>, and records each request; <see cref="Behavior"/> makes
/// it fail instead. <c>/api/redirect</c> answers 302 to <c>/api/landed</c>.
/// </summary>
public sealed class TargetServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Seen> _requests = new();
    private LoopbackServer _server = null!;
    private int _status = 200;
    private int _behavior;

    private TargetServer(string name) => Name = name;

    public string Name { get; }

    /// <summary>The target's base URL: <c>http://127.0.0.1:port/api/</c>.</summary>
    public Uri Target => _server.Url("api/");

    public LoopbackServer Server => _server;

    /// <summary>The status <c>/api/**</c> answers with.</summary>
    public int Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    /// <summary>How the server treats every request.</summary>
    public TargetBehavior Behavior
    {
        get => (TargetBehavior)Volatile.Read(ref _behavior);
        set => Volatile.Write(ref _behavior, (int)value);
    }

    public IReadOnlyCollection<Seen> Requests => _requests;

    public int Hits => _requests.Count;

    /// <summary>Signalled when a request is in while <see cref="TargetBehavior.Hang"/>.</summary>
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TargetServer> StartAsync(string name)
    {
        var target = new TargetServer(name);
        target._server = await LoopbackServer.StartAsync(app => app.Map("/api/{**rest}", target.HandleAsync));
        return target;
    }

    /// <summary>A base URL on a loopback port nothing listens on: connecting is refused.</summary>
    public static Uri ClosedTarget()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/api/");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext ctx)
    {
        var rest = (string?)ctx.Request.RouteValues["rest"] ?? string.Empty;
        var rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (Behavior == TargetBehavior.Hang)
        {
            _requests.Enqueue(new Seen(ctx.Request.Method, rawTarget, ctx.Request.Headers.Authorization.ToString(), string.Empty));
            Arrived.TrySetResult();
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(SignalServer.Guard, ctx.RequestAborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }

            return;
        }

        if (Behavior == TargetBehavior.Reset)
        {
            _requests.Enqueue(new Seen(ctx.Request.Method, rawTarget, ctx.Request.Headers.Authorization.ToString(), string.Empty));
            ctx.Abort();
            return;
        }

        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted);
        _requests.Enqueue(new Seen(ctx.Request.Method, rawTarget, ctx.Request.Headers.Authorization.ToString(), body));
        if (Behavior == TargetBehavior.ReadThenReset)
        {
            ctx.Abort();
            return;
        }

        if (rest == "redirect")
        {
            ctx.Response.Redirect("/api/landed");
            return;
        }

        ctx.Response.StatusCode = Status;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.WriteAsync($"{Name} {ctx.Request.Method} {rawTarget} {body}".TrimEnd(), ctx.RequestAborted);
    }

    /// <summary>A request as the target saw it.</summary>
    public sealed record Seen(string Method, string RawTarget, string Authorization, string Body);
}

/// <summary>How a <see cref="TargetServer"/> treats requests.</summary>
public enum TargetBehavior
{
    /// <summary>Answers with the status set.</summary>
    Answer,

    /// <summary>Never answers (until the client goes away).</summary>
    Hang,

    /// <summary>Aborts the connection before reading the body or answering.</summary>
    Reset,

    /// <summary>Reads the whole body, then aborts the connection.</summary>
    ReadThenReset,
}
