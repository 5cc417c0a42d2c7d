using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Requests;

public sealed class RequestHeadersTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private async Task<Echo> SendAsync(HttpMethod method, Action<HeraldRequest> configure)
    {
        using var client = new HeraldClient(o => o.BaseAddress = echo.BaseAddress);
        using var response = await client.SendAsync(method, "echo/h", configure);
        return (await response.ReadJsonAsync<Echo>())!;
    }

    [Fact]
    public async Task Headers_AnyCaseNumbersAndRepeats_ReachTheServer()
    {
        var received = await SendAsync(HttpMethod.Get, r => r
            .Header("x-custom", "a")
            .Header("X-CUSTOM", "b")
            .Header("X-Count", 3)
            .Header("If-Modified-Since", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        Assert.Equal(["a, b"], received.HeaderValues("X-Custom"));
        Assert.Equal("3", received.Header("x-count"));
        Assert.Equal("Tue, 02 Jan 2024 03:04:05 GMT", received.Header("If-Modified-Since"));
    }

    [Fact]
    public async Task ContentHeaders_AreRoutedToTheBody()
    {
        var received = await SendAsync(HttpMethod.Post, r => r
            .Body("hallo")
            .Header("Content-Language", "de")
            .Header("Content-Disposition", "inline"));

        Assert.Equal("de", received.Header("Content-Language"));
        Assert.Equal("inline", received.Header("Content-Disposition"));
        Assert.Equal("hallo", received.BodyText);
    }

    [Fact]
    public async Task ContentHeader_WithoutBody_IsStillSent()
    {
        var received = await SendAsync(HttpMethod.Delete, r => r.ContentType("json"));

        Assert.Equal("application/json", received.ContentType);
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("xml", "application/xml")]
    [InlineData("form", "application/x-www-form-urlencoded")]
    [InlineData("text", "text/plain")]
    [InlineData("html", "text/html")]
    [InlineData("multipart", "multipart/form-data")]
    [InlineData("octet", "application/octet-stream")]
    [InlineData("application/vnd.api+json", "application/vnd.api+json")]
    public async Task Accept_Shorthands_Expand(string shorthand, string expected)
    {
        var received = await SendAsync(HttpMethod.Get, r => r.Accept(shorthand));

        Assert.Equal(expected, received.Header("Accept"));
    }

    [Fact]
    public async Task ContentType_ShorthandWithCharset_IsSent()
    {
        var received = await SendAsync(HttpMethod.Post, r => r.ContentType("json", "utf-8").Body("{}"));

        Assert.Equal("application/json; charset=utf-8", received.ContentType);
    }

    [Fact]
    public void Accept_UnknownShorthand_ThrowsListingTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeraldRequest(HttpMethod.Get, "x").Accept("jsn"));

        Assert.Contains("json", ex.Message);
        Assert.Contains("'jsn'", ex.Message);
    }

    [Fact]
    public void Header_WithCrLf_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HeraldRequest(HttpMethod.Get, "x").Header("X-Evil", "a\r\nSet-Cookie: b"));
    }

    [Fact]
    public async Task ResponseHeaders_KeepRepeatsAndMergeContentHeaders()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/cookies", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Append("Set-Cookie", "a=1; Path=/");
            ctx.Response.Headers.Append("Set-Cookie", "b=2; Path=/");
            ctx.Response.Headers.Append("X-Multi", "one");
            ctx.Response.Headers.Append("X-Multi", "two");
            ctx.Response.Headers.ContentLanguage = "en";
            return Results.Text("body", "text/plain; charset=utf-8");
        }));
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = server.BaseAddress;
            // The cookie middleware may consume Set-Cookie; these assertions are about the core's header view.
            o.Middleware.Remove(HeraldMiddleware.Cookies);
        });

        using var response = await client.GetAsync("cookies");

        Assert.Equal(["a=1; Path=/", "b=2; Path=/"], response.Headers.GetValues("set-cookie"));
        Assert.Equal(["one", "two"], response.Headers.GetValues("x-multi"));
        Assert.Equal("text/plain; charset=utf-8", response.Headers["content-type"]);
        Assert.Equal("en", response.Headers["Content-Language"]);
        Assert.True(response.Headers.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => response.Headers.Add("X", "y"));
    }
}
