using System.Buffers;
using System.Net;
using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Streaming;

public sealed class StreamingResultTests
{
    [Fact]
    public async Task Stream_Default_SendsChunkedOctetStream()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/s", () => Respond.Stream(async (body, ct) =>
        {
            await body.WriteAsync("abc"u8.ToArray(), ct);
            await body.FlushAsync(ct);
            await body.WriteAsync("def"u8.ToArray(), ct);
        })));

        using var response = await app.Client.GetAsync("/s");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("abcdef", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writer_Default_SendsUtf8PlainText()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/w", () => Respond.Writer(async (writer, ct) =>
        {
            await writer.WriteAsync("Grüße ");
            await writer.WriteLineAsync("😀".AsMemory(), ct);
        })));

        using var response = await app.Client.GetAsync("/w");

        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes("Grüße 😀" + Environment.NewLine), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Writer_ExplicitCharset_EncodesWithIt()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/w", () =>
            Respond.Writer((writer, _) => writer.WriteAsync("Grüße"), "text/csv; charset=iso-8859-1", 206)));

        using var response = await app.Client.GetAsync("/w");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("text/csv; charset=iso-8859-1", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 }, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Pipe_WritesIntoResponsePipe()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/p", () => Respond.Pipe(async (pipe, ct) =>
        {
            var span = pipe.GetSpan(5);
            "hello"u8.CopyTo(span);
            pipe.Advance(5);
            await pipe.FlushAsync(ct);
            pipe.Write(" pipe"u8);
        }, "text/plain")));

        using var response = await app.Client.GetAsync("/p");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("hello pipe", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ContextExtensions_ExecuteSameResults()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/s", (HttpContext ctx) => ctx.RespondStreamAsync((s, ct) => s.WriteAsync("s"u8.ToArray(), ct).AsTask(), "application/x-s"));
            a.MapGet("/w", (HttpContext ctx) => ctx.RespondWriterAsync((w, _) => w.WriteAsync("w"), "text/x-w"));
            a.MapGet("/p", (HttpContext ctx) => ctx.RespondPipeAsync(async (p, ct) => await p.WriteAsync("p"u8.ToArray(), ct), statusCode: 202));
        });

        using var s = await app.Client.GetAsync("/s");
        using var w = await app.Client.GetAsync("/w");
        using var p = await app.Client.GetAsync("/p");

        Assert.Equal(("application/x-s", "s"), (s.Content.Headers.ContentType?.ToString(), await s.Content.ReadAsStringAsync()));
        Assert.Equal(("text/x-w; charset=utf-8", "w"), (w.Content.Headers.ContentType?.ToString(), await w.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.Accepted, "p"), (p.StatusCode, await p.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Stream_Head_DoesNotRunCallback()
    {
        var ran = false;
        await using var app = await TestApp.StartAsync(a => a.MapMethods("/s", ["GET", "HEAD"], () => Respond.Stream((_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        })));

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/s"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.False(ran);
    }

    [Fact]
    public async Task StreamingResults_DeclareWhatTheyProduce()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/s", () => Respond.Stream((_, _) => Task.CompletedTask));
            a.MapGet("/w", () => Respond.Writer((_, _) => Task.CompletedTask));
            a.MapGet("/p", () => Respond.Pipe((_, _) => Task.CompletedTask));
        });

        Assert.Equal(["application/octet-stream"], Assert.Single(EndpointMetadata.Produces(app, "/s")).ContentTypes);
        Assert.Equal(["text/plain"], Assert.Single(EndpointMetadata.Produces(app, "/w")).ContentTypes);
        Assert.Equal(["application/octet-stream"], Assert.Single(EndpointMetadata.Produces(app, "/p")).ContentTypes);
        var writer = Respond.Writer((_, _) => Task.CompletedTask, "text/csv", 201);
        Assert.Equal("text/csv; charset=utf-8", ((IContentTypeHttpResult)writer).ContentType);
        Assert.Equal(201, ((IStatusCodeHttpResult)writer).StatusCode);
    }

    [Fact]
    public void Streaming_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("writeAsync", () => Respond.Stream(null!));
        Assert.Throws<ArgumentNullException>("writeAsync", () => Respond.Writer(null!));
        Assert.Throws<ArgumentNullException>("writeAsync", () => Respond.Pipe(null!));
        Assert.Throws<ArgumentException>("contentType", () => Respond.Stream((_, _) => Task.CompletedTask, "bad type"));
        Assert.Throws<ArgumentException>("contentType", () => Respond.Writer((_, _) => Task.CompletedTask, "text/plain; charset=nope"));
        Assert.Throws<ArgumentException>("contentType", () => Respond.Pipe((_, _) => Task.CompletedTask, "a/b\nc: d"));
        Assert.Throws<ArgumentException>("statusCode", () => Respond.Stream((_, _) => Task.CompletedTask, statusCode: 204));
        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => Respond.Writer((_, _) => Task.CompletedTask, statusCode: 1000));
    }
}
