using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Status;

public sealed class StatusTests
{
    [Fact]
    public async Task ResponseStatus_WithReason_ReachesStatusLine()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/teapot", (HttpContext ctx) => { ctx.Response.Status(418, "I'm a tea pot"); }));

        using var response = await app.Client.GetAsync("/teapot");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("I'm a tea pot", response.ReasonPhrase);
        Assert.Equal(new Version(1, 1), response.Version);
    }

    [Fact]
    public async Task RespondStatus_WithReason_ReachesStatusLine()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/teapot", () => Respond.Status(418, "I'm a tea pot")));

        using var response = await app.Client.GetAsync("/teapot");

        Assert.Equal(418, (int)response.StatusCode);
        Assert.Equal("I'm a tea pot", response.ReasonPhrase);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RespondStatus_WithoutReason_SendsStandardPhrase()
    {
        await using var app = await TestApp.StartAsync(a => a.MapDelete("/item", () => Respond.Status(204)));

        using var response = await app.Client.DeleteAsync("/item");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("No Content", response.ReasonPhrase);
    }

    [Fact]
    public async Task RespondStatus_UnregisteredCode_IsSentWithItsReason()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/odd", () => Respond.Status(799, "Custom\tThing")));

        using var response = await app.Client.GetAsync("/odd");

        Assert.Equal(799, (int)response.StatusCode);
        Assert.Equal("Custom\tThing", response.ReasonPhrase);
    }

    [Fact]
    public async Task ResponseStatus_Chains_WithHeaders()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", (HttpContext ctx) =>
            ctx.Response.Status(202, "Queued").Header("X-Queue-Position", 7).WriteAsync("later")));

        using var response = await app.Client.GetAsync("/t");

        Assert.Equal((HttpStatusCode.Accepted, "Queued"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal("7", response.Headers.GetValues("X-Queue-Position").Single());
        Assert.Equal("later", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void RespondStatus_Result_ExposesStatusAndReason()
    {
        var result = Respond.Status(418, "I'm a tea pot");

        Assert.Equal(418, result.StatusCode);
        Assert.Equal(418, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal("I'm a tea pot", result.ReasonPhrase);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1000)]
    [InlineData(0)]
    [InlineData(-200)]
    public async Task Status_OutOfRange_ThrowsArgumentOutOfRange(int code)
    {
        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => Respond.Status(code));
        var thrown = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/s", (HttpContext ctx) =>
        {
            thrown.SetResult(Record.Exception(() => ctx.Response.Status(code)));
            return ctx.Response.WriteAsync("still 200");
        }));

        using var response = await app.Client.GetAsync("/s");

        var e = Assert.IsType<ArgumentOutOfRangeException>(await thrown.Task);
        Assert.Contains("100-999", e.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Tea\r\nSet-Cookie: a=b")]
    [InlineData("Tea\n")]
    [InlineData("Tea\0")]
    [InlineData("Tee \u00fcberkocht")]
    [InlineData("bell\u0007")]
    public void Status_InvalidReason_ThrowsArgumentException(string reason)
    {
        Assert.Throws<ArgumentException>("reasonPhrase", () => Respond.Status(418, reason));
        var context = new DefaultHttpContext();
        Assert.Throws<ArgumentException>("reasonPhrase", () => context.Response.Status(418, reason));
    }
    [Fact]
    public async Task ReasonPhrase_ResultSendsAnotherStatus_IsReplacedByStandardPhrase()
    {
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/text", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return ctx.RespondTextAsync("hot");
                });
                a.MapGet("/same", (HttpContext ctx) =>
                {
                    ctx.Response.Status(200, "Custom OK");
                    return ctx.RespondTextAsync("kept");
                });
                a.MapGet("/conditional", (HttpContext ctx) =>
                {
                    ctx.Response.Status(200, "Custom OK");
                    return ctx.RespondTextAsync("body", etag: "v1");
                });
                a.MapGet("/redirect", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return ctx.RespondRedirectAsync("/moved");
                });
                a.MapGet("/local", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return ctx.RespondLocalRedirectAsync("//evil.example");
                });
                a.MapGet("/missing", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return ctx.RespondFileAsync(Path.Combine(AppContext.BaseDirectory, "no-such-file.txt"));
                });
                a.MapGet("/negotiated", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return ctx.RespondAsync(new { Tea = "green" });
                });
                a.MapGet("/status", (HttpContext ctx) =>
                {
                    ctx.Response.Status(418, "I'm a tea pot");
                    return Respond.Status(204).ExecuteAsync(ctx);
                });
            },
            s => s.AddContentNegotiation());

        using var text = await app.Client.GetAsync("/text");
        using var same = await app.Client.GetAsync("/same");
        using var conditionalRequest = new HttpRequestMessage(HttpMethod.Get, "/conditional");
        conditionalRequest.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");
        using var conditional = await app.Client.SendAsync(conditionalRequest);
        using var redirect = await app.Client.GetAsync("/redirect");
        using var local = await app.Client.GetAsync("/local");
        using var missing = await app.Client.GetAsync("/missing");
        using var negotiated = await app.Client.GetAsync("/negotiated");
        using var status = await app.Client.GetAsync("/status");

        Assert.Equal((HttpStatusCode.OK, "OK"), (text.StatusCode, text.ReasonPhrase));
        Assert.Equal((HttpStatusCode.OK, "Custom OK"), (same.StatusCode, same.ReasonPhrase));
        Assert.Equal((HttpStatusCode.NotModified, "Not Modified"), (conditional.StatusCode, conditional.ReasonPhrase));
        Assert.Equal((HttpStatusCode.Found, "Found"), (redirect.StatusCode, redirect.ReasonPhrase));
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request"), (local.StatusCode, local.ReasonPhrase));
        Assert.Equal((HttpStatusCode.NotFound, "Not Found"), (missing.StatusCode, missing.ReasonPhrase));
        Assert.Equal((HttpStatusCode.OK, "OK"), (negotiated.StatusCode, negotiated.ReasonPhrase));
        Assert.Equal((HttpStatusCode.NoContent, "No Content"), (status.StatusCode, status.ReasonPhrase));
    }

    [Fact]
    public async Task ReasonPhrase_ConditionalFilterAnswers304_IsReplacedByStandardPhrase()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/c", (HttpContext ctx) =>
        {
            ctx.Response.Status(200, "Custom OK").ETag("v1");
            return ctx.Response.WriteAsync("body");
        }).WithConditionalRequests());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/c");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"v1\"");
        using var response = await app.Client.SendAsync(request);
        using var plain = await app.Client.GetAsync("/c");

        Assert.Equal((HttpStatusCode.NotModified, "Not Modified"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal((HttpStatusCode.OK, "Custom OK"), (plain.StatusCode, plain.ReasonPhrase));
    }
}
