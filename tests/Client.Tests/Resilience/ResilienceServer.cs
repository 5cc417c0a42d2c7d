using System.Collections.Concurrent;
using System.Threading.Channels;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Resilience;

/// <summary>
/// A loopback server whose answers each test scripts: <c>/s/{id}</c> plays the script's steps in order, one per
/// request (then answers 200 <c>ok</c>), records every request, and signals each arrival so tests wait on it.
/// </summary>
public sealed class ResilienceServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Script> _scripts = new();

    public LoopbackServer Server { get; private set; } = null!;

    public Script NewScript()
    {
        var script = new Script(Guid.NewGuid().ToString("N"));
        _scripts[script.Id] = script;
        return script;
    }

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(app =>
    {
        app.Map("/s/{id}", async (string id, HttpContext ctx) =>
        {
            var script = _scripts[id];
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted);
            var step = script.Arrive(new Arrival(ctx.Request.Method, ctx.Request.Headers.Authorization.ToString(), body));
            await step(ctx);
        });
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>What the server saw of one request.</summary>
    public sealed record Arrival(string Method, string Authorization, string Body);

    /// <summary>The answers of one test, in order, and the requests that came.</summary>
    public sealed class Script(string id)
    {
        private readonly ConcurrentQueue<Func<HttpContext, Task>> _steps = new();
        private readonly ConcurrentQueue<Arrival> _arrivals = new();
        private readonly Channel<Arrival> _signals = Channel.CreateUnbounded<Arrival>();

        public string Id { get; } = id;

        public string Path => "/s/" + Id;

        public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

        public Script Then(Func<HttpContext, Task> step)
        {
            _steps.Enqueue(step);
            return this;
        }

        public Script Status(int status, string body = "", Action<IHeaderDictionary>? headers = null) => Then(async ctx =>
        {
            ctx.Response.StatusCode = status;
            headers?.Invoke(ctx.Response.Headers);
            await ctx.Response.WriteAsync(body);
        });

        /// <summary>Closes the connection without an answer.</summary>
        public Script Reset() => Then(ctx =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });

        /// <summary>
        /// Promises a body, sends its headers and a part of it, then closes the connection once
        /// <paramref name="headersReceived"/> says the client has the headers (so the break is mid-body, never before).
        /// </summary>
        public Script ResetMidBody(Task headersReceived) => Then(async ctx =>
        {
            ctx.Response.ContentLength = 100_000;
            await ctx.Response.Body.WriteAsync(new byte[1000]);
            await ctx.Response.Body.FlushAsync();
            await headersReceived.WaitAsync(SignalServer.Guard);
            ctx.Abort();
        });

        /// <summary>Never answers; returns when the client goes away (or the guard runs out).</summary>
        public Script Hang() => Then(async ctx =>
        {
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(SignalServer.Guard, ctx.RequestAborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }
        });

        /// <summary>Waits for the next request to arrive.</summary>
        public async Task<Arrival> NextArrivalAsync() => await _signals.Reader.ReadAsync().AsTask().WaitAsync(SignalServer.Guard);

        internal Func<HttpContext, Task> Arrive(Arrival arrival)
        {
            _arrivals.Enqueue(arrival);
            _signals.Writer.TryWrite(arrival);
            return _steps.TryDequeue(out var step) ? step : ctx => ctx.Response.WriteAsync("ok");
        }
    }
}
