using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
}
