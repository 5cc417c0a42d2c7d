using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// A loopback server for the client's core tests. <c>/echo/**</c> answers any method with what it received: the raw
/// request target, method, headers (each field separately, in order) and body, as JSON. <c>/count</c> reads the body
/// in pieces and answers its length, so a huge upload is never held by the server either.
/// </summary>
public sealed class EchoServer : IAsyncLifetime
{
    private LoopbackServer? _server;

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public Uri BaseAddress => Server.BaseAddress;

    public string Url(string pathAndQuery) => Server.Url(pathAndQuery).ToString();

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(Map);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static void Map(WebApplication app)
    {
        app.Map("/echo/{**rest}", EchoAsync);
        app.MapPost("/count", async (HttpContext ctx) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
            {
                total += read;
            }

            return Results.Json(new { length = total, chunked = ctx.Request.Headers.TransferEncoding.ToString(), contentLength = ctx.Request.ContentLength });
        });
        app.MapGet("/ping", () => "pong");
    }

    private static async Task EchoAsync(HttpContext ctx)
    {
        using var body = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted);
        var headers = new List<string[]>();
        foreach (var (name, values) in ctx.Request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add([name, value ?? string.Empty]);
            }
        }

        var echo = new Echo(
            ctx.Request.Method,
            ctx.Features.Get<IHttpRequestFeature>()!.RawTarget,
            ctx.Request.Path.Value ?? string.Empty,
            headers,
            Convert.ToBase64String(body.ToArray()),
            Encoding.UTF8.GetString(body.ToArray()),
            ctx.Request.ContentLength,
            ctx.Request.Headers.TransferEncoding.ToString(),
            ctx.Request.ContentType);
        ctx.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, echo, JsonSerializerOptions.Web, ctx.RequestAborted);
    }
}

/// <summary>What <c>/echo</c> received.</summary>
public sealed record Echo(
    string Method,
    string RawTarget,
    string Path,
    List<string[]> Headers,
    string BodyBase64,
    string BodyText,
    long? ContentLength,
    string TransferEncoding,
    string? ContentType)
{
    public byte[] Body => Convert.FromBase64String(BodyBase64);

    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h[0], name, StringComparison.OrdinalIgnoreCase)).Select(h => h[1]).ToList();

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();
}
