using System.Net;
using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Text;

public sealed class TextResultTests
{
    [Fact]
    public async Task Text_Default_SendsUtf8PlainTextWithLength()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/hello", () => Respond.Text("Hello, world!")));

        using var response = await app.Client.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(13, response.Content.Headers.ContentLength);
        Assert.Equal("Hello, world!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_NonAsciiText_ContentLengthCountsUtf8Bytes()
    {
        const string text = "héllo wörld 😀 中文";
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", () => Respond.Text(text)));

        using var response = await app.Client.GetAsync("/t");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes);
    }

    [Theory]
    [InlineData("text/csv", "text/csv; charset=utf-8")]
    [InlineData("text/html", "text/html; charset=utf-8")]
    [InlineData("TEXT/Markdown", "TEXT/Markdown; charset=utf-8")]
    [InlineData("application/json", "application/json")]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    public async Task Text_ContentType_TextTypesGetUtf8Charset(string given, string sent)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", () => Respond.Text("a,b", given)));

        using var response = await app.Client.GetAsync("/t");

        Assert.Equal(sent, response.Content.Headers.GetValues("Content-Type").Single());
        Assert.Equal("a,b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_ExplicitCharset_EncodesWithThatCharset()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/latin", () => Respond.Text("Grüße", "text/plain; charset=iso-8859-1")));

        using var response = await app.Client.GetAsync("/latin");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/plain; charset=iso-8859-1", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(new byte[] { 0x47, 0x72, 0xFC, 0xDF, 0x65 }, bytes);
        Assert.Equal(5, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Text_Utf16Charset_EncodesAsUtf16()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/u16", () => Respond.Text("hé", "text/plain; charset=utf-16")));

        using var response = await app.Client.GetAsync("/u16");

        Assert.Equal(Encoding.Unicode.GetBytes("hé"), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("hé", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_StatusCode_IsSent()
    {
        await using var app = await TestApp.StartAsync(a => a.MapPost("/t", () => Respond.Text("made", statusCode: 201)));

        using var response = await app.Client.PostAsync("/t", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("made", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_EmptyString_SendsEmptyBodyWithZeroLength()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", () => Respond.Text("")));

        using var response = await app.Client.GetAsync("/t");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Text_Head_SendsHeadersWithoutBody()
    {
        await using var app = await TestApp.StartAsync(a => a.MapMethods("/t", ["GET", "HEAD"], () => Respond.Text("Hello")));

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/t"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RespondTextAsync_ExecutesSameResult()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", (HttpContext ctx) => ctx.RespondTextAsync("# Title", "text/markdown", 202)));

        using var response = await app.Client.GetAsync("/t");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(7, response.Content.Headers.ContentLength);
        Assert.Equal("# Title", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_Result_ExposesWhatItSends()
    {
        var result = Respond.Text("hi", "text/csv", 201, "abc");

        Assert.Equal("hi", result.Text);
        Assert.Equal("text/csv; charset=utf-8", result.ContentType);
        Assert.Equal(201, result.StatusCode);
        Assert.Equal("\"abc\"", result.ETag);
        Assert.Equal("hi", ((Microsoft.AspNetCore.Http.IValueHttpResult<string>)result).Value);
        Assert.Equal(201, ((Microsoft.AspNetCore.Http.IStatusCodeHttpResult)result).StatusCode);

        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", () => Respond.Text("x")));
        var produces = Assert.Single(EndpointMetadata.Produces(app, "/t"));
        Assert.Equal(200, produces.StatusCode);
        Assert.Equal(typeof(string), produces.Type);
        Assert.Equal(["text/plain"], produces.ContentTypes);
    }

    [Fact]
    public void Text_NullText_Throws() =>
        Assert.Throws<ArgumentNullException>("text", () => Respond.Text(null!));

    [Theory]
    [InlineData(99)]
    [InlineData(1000)]
    [InlineData(-1)]
    public void Text_StatusOutOfRange_ThrowsArgumentOutOfRange(int status) =>
        Assert.Throws<ArgumentOutOfRangeException>("statusCode", () => Respond.Text("x", statusCode: status));

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    [InlineData(101)]
    public void Text_StatusWithoutBody_Throws(int status)
    {
        var e = Assert.Throws<ArgumentException>("statusCode", () => Respond.Text("x", statusCode: status));
        Assert.Contains("Respond.Status", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a type")]
    [InlineData("text/plain\r\nX-Injected: 1")]
    [InlineData("text/plain\0")]
    public void Text_InvalidContentType_Throws(string contentType) =>
        Assert.Throws<ArgumentException>("contentType", () => Respond.Text("x", contentType));

    [Theory]
    [InlineData("text/plain; title=\"caf\u00e9\"")]
    [InlineData("application/json; profile=\"\u65e5\u672c\"")]
    [InlineData("text/plain; title=\"a\u0001b\"")]
    public async Task Text_ContentTypeOutsidePrintableAscii_ThrowsAtTheCall(string contentType)
    {
        // The server can only send a header value of printable ASCII: left unchecked, it fails while sending, as a 500.
        var e = Assert.Throws<ArgumentException>("contentType", () => Respond.Text("x", contentType));
        Assert.Contains("printable ASCII", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("contentType", () => Respond.Writer((_, _) => Task.CompletedTask, contentType));

        var thrown = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/t", async (HttpContext ctx) =>
        {
            try
            {
                await ctx.RespondTextAsync("x", contentType);
                thrown.SetResult(null);
            }
            catch (ArgumentException ex)
            {
                thrown.SetResult(ex);
                await ctx.RespondTextAsync("refused", statusCode: 400);
            }
        }));

        using var response = await app.Client.GetAsync("/t");

        Assert.IsType<ArgumentException>(await thrown.Task);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Text_UnknownCharset_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>("contentType", () => Respond.Text("x", "text/plain; charset=klingon"));
        Assert.Contains("klingon", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_CharacterOutsideCharset_ThrowsInsteadOfReplacing()
    {
        var e = Assert.Throws<ArgumentException>("text", () => Respond.Text("price: 5€", "text/plain; charset=iso-8859-1"));
        Assert.Contains("U+20AC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_CodePageCharset_IsSupported() =>
        Assert.Equal("text/plain; charset=windows-1252", Respond.Text("5€", "text/plain; charset=windows-1252").ContentType);
}
