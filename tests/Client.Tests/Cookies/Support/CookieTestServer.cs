using Herald.Client.Tests.Infrastructure;
using Herald.Client.Tests.Redirects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Cookies;

/// <summary>
/// A Kestrel server for the cookie tests that answers any host name and path: it appends each <c>set</c> query value
/// as a <c>Set-Cookie</c> header (and, for each <c>big=name:length</c>, a cookie with a value that long), echoes the request's <c>Cookie</c> header as <c>X-Seen-Cookie</c>, and, when a
/// <c>to</c> query value is given, answers <c>302</c> to it. Pair it with <see cref="LoopbackTransport"/> so that
/// <c>http://www.example.com:{port}/</c> reaches it.
/// </summary>
public sealed class CookieTestServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool _https;

    /// <summary>Creates a plain-http server; xunit starts it as a class fixture.</summary>
    public CookieTestServer()
        : this(https: false)
    {
    }

    private CookieTestServer(bool https) => _https = https;

    public LoopbackServer Server { get; private set; } = null!;

    public static async Task<CookieTestServer> StartAsync(bool https)
    {
        var server = new CookieTestServer(https);
        await server.InitializeAsync();
        return server;
    }

    /// <summary>The URL of <paramref name="pathAndQuery"/> on <paramref name="host"/> (which the transport maps to this server).</summary>
    public string Url(string host, string pathAndQuery = "/") =>
        $"{(_https ? "https" : "http")}://{host}:{Server.Port}/{pathAndQuery.TrimStart('/')}";

    /// <summary>The URL of a request whose response sets <paramref name="setCookies"/>.</summary>
    public string Set(string host, string path, params string[] setCookies)
    {
        var query = string.Join("&", setCookies.Select(c => "set=" + Uri.EscapeDataString(c)));
        return Url(host, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(Map, _https);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => Server.DisposeAsync().AsTask();

    private static void Map(WebApplication app) =>
        app.Run(context =>
        {
            foreach (var setCookie in context.Request.Query["set"])
            {
                context.Response.Headers.Append("Set-Cookie", setCookie);
            }

            // "name:length" sets a cookie with a value of that many characters (too long for a query string).
            foreach (var big in context.Request.Query["big"])
            {
                var parts = big!.Split(':');
                context.Response.Headers.Append("Set-Cookie", $"{parts[0]}={new string('v', int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))}");
            }

            context.Response.Headers["X-Seen-Cookie"] = context.Request.Headers.Cookie.ToString();
            context.Response.Headers["X-Seen-Cookie-Count"] = context.Request.Headers.Cookie.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Query.TryGetValue("to", out var to))
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = to.ToString();
            }

            return Task.CompletedTask;
        });
}
