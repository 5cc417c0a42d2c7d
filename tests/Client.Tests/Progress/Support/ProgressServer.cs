using System.Globalization;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Progress.Support;

/// <summary>
/// A loopback server for progress tests. <c>/bytes/{n}</c> sends n bytes with a <c>Content-Length</c>,
/// <c>/chunked/{n}</c> sends n bytes without one, both generated in 64 KiB writes (never held whole);
/// <c>/gzip</c> sends <see cref="GzipText"/> gzip-encoded with the encoded length; <c>POST /count</c> reads the body in
/// pieces and answers its length.
/// </summary>
public sealed class ProgressServer : IAsyncLifetime
{
    /// <summary>The text <c>/gzip</c> encodes.</summary>
    public static readonly string GzipText = string.Concat(Enumerable.Repeat("progress counts wire bytes; ", 4000));

    /// <summary>The encoded body <c>/gzip</c> sends.</summary>
    public static readonly byte[] GzipBody = Compress.Gzip(System.Text.Encoding.UTF8.GetBytes(GzipText));

    public LoopbackServer Server { get; private set; } = null!;

    public Uri BaseAddress => Server.BaseAddress;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(app =>
    {
        app.MapMethods("/bytes/{n:long}", ["GET", "HEAD"], (long n, HttpContext ctx) => WriteAsync(ctx, n, withLength: true));
        app.MapGet("/chunked/{n:long}", (long n, HttpContext ctx) => WriteAsync(ctx, n, withLength: false));
        app.MapGet("/gzip", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            ctx.Response.Headers.ContentEncoding = "gzip";
            ctx.Response.ContentLength = GzipBody.Length;
            await ctx.Response.Body.WriteAsync(GzipBody, ctx.RequestAborted);
        });
        app.MapPost("/count", async (HttpContext ctx) =>
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await ctx.Request.Body.ReadAsync(buffer, ctx.RequestAborted)) > 0)
            {
                total += read;
            }

            return Results.Text(total.ToString(CultureInfo.InvariantCulture));
        });
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private static async Task WriteAsync(HttpContext ctx, long length, bool withLength)
    {
        ctx.Response.ContentType = "application/octet-stream";
        if (withLength)
        {
            ctx.Response.ContentLength = length;
        }

        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'d');
        for (var left = length; left > 0;)
        {
            var n = (int)Math.Min(chunk.Length, left);
            await ctx.Response.Body.WriteAsync(chunk.AsMemory(0, n), ctx.RequestAborted);
            left -= n;
        }
    }
}
