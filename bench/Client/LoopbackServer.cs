using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Herald.Bench.Client;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, in the benchmark's own process. It answers with bytes serialized
/// once, so the server's share of each request is the same whichever client calls it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly byte[] TodoJson = JsonSerializer.SerializeToUtf8Bytes(Todo.Sample, JsonSerializerOptions.Web);

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's address, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a server with <c>GET /todo</c> (the document), <c>POST /todo</c> (reads the body, answers the
    /// document), <c>POST /echo</c> (answers the body it got, to check what a client sends) and <c>GET /connection</c>
    /// (the id of the connection the request came on, to check whether a client reused one).</summary>
    /// <returns>The running server; dispose to stop it.</returns>
    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        app.MapGet("/todo", () => Results.Bytes(TodoJson, "application/json"));
        app.MapPost("/todo", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null, request.HttpContext.RequestAborted);
            return Results.Bytes(TodoJson, "application/json");
        });
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
            return Results.Bytes(copy.ToArray(), "application/json");
        });

        app.MapGet("/connection", (HttpContext context) => Results.Text(context.Connection.Id));

        await app.StartAsync();
        // After start, Urls holds the address Kestrel bound, with the port it picked.
        var address = app.Urls.Single();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
