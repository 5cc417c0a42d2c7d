using System.Security.Cryptography.X509Certificates;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Redirects;

/// <summary>
/// A Kestrel server with redirecting endpoints for the redirect tests. Every endpoint accepts every method.
/// <list type="bullet">
/// <item><description><c>/r/{status}?to=…</c>: reads the body, answers <c>status</c> with <c>Location: to</c> (default <c>/target</c>).</description></item>
/// <item><description><c>/rd/{any path}?to=…</c>: 302 to <c>to</c>; without <c>to</c>, as <c>/target</c>.</description></item>
/// <item><description><c>/target</c>: answers 200 with what arrived in <c>X-Method</c>, <c>X-Body</c> (and <c>X-Body-Escaped</c>), <c>X-Content-Type</c>, <c>X-Query</c> and <c>X-Path</c>.</description></item>
/// <item><description><c>/chain/{n}</c>: 302 to <c>/chain/{n-1}</c>, 200 at 0. <c>/loop</c>: 302 to itself.</description></item>
/// <item><description><c>/headers</c>: echoes <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>, <c>X-Custom</c>, <c>X-Api-Key</c> and <c>X-Tenant-Secret</c> as <c>X-Seen-…</c>.</description></item>
/// <item><description><c>/no-location</c>: 302 without <c>Location</c>.</description></item>
/// </list>
/// Each request is counted in <see cref="Hits"/>.
/// </summary>
public sealed class RedirectTestServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool _https;
    private readonly X509Certificate2? _certificate;
    private int _hits;

    /// <summary>Creates a plain-http server; xunit starts it as a class fixture.</summary>
    public RedirectTestServer()
        : this(https: false, certificate: null)
    {
    }

    private RedirectTestServer(bool https, X509Certificate2? certificate)
    {
        _https = https;
        _certificate = certificate;
    }

    public LoopbackServer Server { get; private set; } = null!;

    public int Hits => Volatile.Read(ref _hits);

    public Uri Url(string pathAndQuery) => Server.Url(pathAndQuery);

    public static async Task<RedirectTestServer> StartAsync(bool https = false, X509Certificate2? certificate = null)
    {
        var server = new RedirectTestServer(https, certificate);
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(Map, _https, _certificate);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => Server.DisposeAsync().AsTask();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _hits);
            await next(context);
        });

        app.Map("/r/{status:int}", (RequestDelegate)(async context =>
        {
            await Drain(context);
            context.Response.StatusCode = int.Parse((string)context.Request.RouteValues["status"]!);
            context.Response.Headers.Location = context.Request.Query.TryGetValue("to", out var to) ? to.ToString() : "/target";
        }));

        app.Map("/target", (RequestDelegate)Echo);
        app.Map("/rd/{**rest}", (RequestDelegate)(context =>
        {
            if (!context.Request.Query.TryGetValue("to", out var to))
            {
                return Echo(context);
            }

            context.Response.StatusCode = 302;
            context.Response.Headers.Location = to.ToString();
            return Task.CompletedTask;
        }));

        app.Map("/chain/{n:int}", (RequestDelegate)(context =>
        {
            var n = int.Parse((string)context.Request.RouteValues["n"]!);
            if (n > 0)
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"/chain/{n - 1}";
            }

            return Task.CompletedTask;
        }));

        app.Map("/loop", (RequestDelegate)(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/loop";
            return Task.CompletedTask;
        }));

        app.Map("/headers", (RequestDelegate)(context =>
        {
            foreach (var name in (string[])["Authorization", "Proxy-Authorization", "Cookie", "X-Custom", "X-Api-Key", "X-Tenant-Secret"])
            {
                context.Response.Headers["X-Seen-" + name] = context.Request.Headers[name].ToString();
            }

            return Task.CompletedTask;
        }));

        app.Map("/no-location", (RequestDelegate)(context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        }));
    }

    private static async Task Echo(HttpContext context)
    {
        var body = await Drain(context);
        context.Response.Headers["X-Method"] = context.Request.Method;
        context.Response.Headers["X-Body"] = body.Contains('\n', StringComparison.Ordinal) ? "(multi-line)" : body;
        context.Response.Headers["X-Body-Escaped"] = Uri.EscapeDataString(body);
        context.Response.Headers["X-Content-Type"] = context.Request.ContentType ?? string.Empty;
        context.Response.Headers["X-Query"] = context.Request.QueryString.Value ?? string.Empty;
        context.Response.Headers["X-Path"] = context.Request.Path.Value ?? string.Empty;
    }

    private static async Task<string> Drain(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
