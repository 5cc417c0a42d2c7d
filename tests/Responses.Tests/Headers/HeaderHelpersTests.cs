using System.Globalization;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Herald.Responses.Tests.Headers;

public sealed class HeaderHelpersTests
{
    private static async Task<HttpResponseMessage> GetWithAsync(Action<HttpResponse> setHeaders)
    {
        var app = await TestApp.StartAsync(a => a.MapGet("/h", (HttpContext ctx) =>
        {
            setHeaders(ctx.Response);
            return ctx.Response.WriteAsync("ok");
        }));
        await using (app)
        {
            var response = await app.Client.GetAsync("/h");
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
    }

    private static string[] Raw(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? [.. values]
        : response.Content.Headers.NonValidated.TryGetValues(name, out values) ? [.. values]
        : [];

    [Fact]
    public async Task Header_Values_FormattedInvariantlyAndAppended()
    {
        using var response = await GetWithAsync(r =>
        {
            // A culture that would write 1.234,5 and local dates: header values must not depend on it.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            r.Header("Custom-Header", "Some value")
                .Header("X-Number", 1234.5)
                .Header("X-Number", 42)
                .Header("X-Flag", true)
                .Header("X-When", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)))
                .Header("X-Id", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .Header("X-Span", TimeSpan.FromMinutes(90));
        });

        Assert.Equal(["Some value"], Raw(response, "Custom-Header"));
        Assert.Equal(["1234.5", "42"], Raw(response, "X-Number"));
        Assert.Equal(["true"], Raw(response, "X-Flag"));
        Assert.Equal(["Tue, 02 Jan 2024 01:04:05 GMT"], Raw(response, "X-When"));
        Assert.Equal(["0f8fad5b-d9cb-469f-a165-70867728950e"], Raw(response, "X-Id"));
        Assert.Equal(["01:30:00"], Raw(response, "X-Span"));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("7c876b7e", false, "\"7c876b7e\"")]
    [InlineData("\"7c876b7e\"", false, "\"7c876b7e\"")]
    [InlineData("7c876b7e", true, "W/\"7c876b7e\"")]
    [InlineData("W/\"7c876b7e\"", false, "W/\"7c876b7e\"")]
    public async Task ETag_IsQuotedAndMarkedWeak(string tag, bool weak, string sent)
    {
        using var response = await GetWithAsync(r => r.ETag(tag, weak));

        Assert.Equal([sent], Raw(response, "ETag"));
    }

    [Fact]
    public async Task ETag_SetTwice_KeepsLast()
    {
        using var response = await GetWithAsync(r => r.ETag("one").ETag("two"));

        Assert.Equal(["\"two\""], Raw(response, "ETag"));
    }

    [Fact]
    public async Task Link_SeveralCalls_AppendRfc8288Values()
    {
        using var response = await GetWithAsync(r => r
            .Link("/items?page=3", "next")
            .Link("/items?page=1", "prev", "first")
            .Link("https://example.com/docs/über", "help"));

        Assert.Equal(
            ["</items?page=3>; rel=\"next\"", "</items?page=1>; rel=\"prev first\"", "<https://example.com/docs/%C3%BCber>; rel=\"help\""],
            Raw(response, "Link"));
    }

    [Fact]
    public async Task Link_AngleBracketsInUri_AreEncoded()
    {
        using var response = await GetWithAsync(r => r.Link("/a>b<c", "next"));

        Assert.Equal(["</a%3Eb%3Cc>; rel=\"next\""], Raw(response, "Link"));
    }

    [Fact]
    public async Task CacheControl_Options_WriteTypedDirectives()
    {
        using var immutable = await GetWithAsync(r => r.CacheControl(new CacheControlOptions { Public = true, MaxAge = TimeSpan.FromDays(365), Immutable = true }));
        using var all = await GetWithAsync(r => r.CacheControl(new CacheControlOptions
        {
            Private = true,
            NoCache = true,
            NoStore = true,
            MustRevalidate = true,
            NoTransform = true,
            MaxAge = TimeSpan.FromSeconds(60.9),
            SharedMaxAge = TimeSpan.FromSeconds(30),
        }));
        using var none = await GetWithAsync(r => r.CacheControl(new CacheControlOptions { NoStore = true }));

        Assert.Equal(["public, max-age=31536000, immutable"], Raw(immutable, "Cache-Control"));
        Assert.Equal(["no-store, no-transform, must-revalidate, no-cache, max-age=60, s-maxage=30, private"], Raw(all, "Cache-Control"));
        Assert.Equal(["no-store"], Raw(none, "Cache-Control"));
    }

    [Fact]
    public async Task CacheControl_FrameworkValue_IsSentAndReplacesEarlier()
    {
        using var response = await GetWithAsync(r => r
            .CacheControl(new CacheControlOptions { NoStore = true })
            .CacheControl(new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromMinutes(5) }));

        Assert.Equal(["max-age=300, private"], Raw(response, "Cache-Control"));
    }

    [Fact]
    public async Task LastModifiedAndExpires_AreImfFixdateInGmt()
    {
        var when = new DateTimeOffset(2024, 7, 9, 23, 30, 15, 999, TimeSpan.FromHours(-5));

        using var response = await GetWithAsync(r => r.LastModified(when).Expires(when.AddDays(1)));

        Assert.Equal(["Wed, 10 Jul 2024 04:30:15 GMT"], Raw(response, "Last-Modified"));
        Assert.Equal(["Thu, 11 Jul 2024 04:30:15 GMT"], Raw(response, "Expires"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("X Bad")]
    [InlineData("X:Y")]
    [InlineData("X-Name\r\n")]
    [InlineData("X\0")]
    [InlineData("Ümlaut")]
    public void Header_InvalidName_ThrowsArgumentException(string name) =>
        Assert.Throws<ArgumentException>("name", () => new DefaultHttpContext().Response.Header(name, "v"));

    [Theory]
    [InlineData("a\r\nSet-Cookie: x=y")]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    [InlineData("grüße")]
    [InlineData("bell\u0007")]
    public void Header_InvalidValue_ThrowsArgumentException(string value)
    {
        var e = Assert.Throws<ArgumentException>("value", () => new DefaultHttpContext().Response.Header("X-Test", value));
        Assert.False(string.IsNullOrEmpty(e.Message));
    }

    [Fact]
    public void Header_NullArguments_Throw()
    {
        var response = new DefaultHttpContext().Response;
        Assert.Throws<ArgumentNullException>("name", () => response.Header(null!, "v"));
        Assert.Throws<ArgumentNullException>("value", () => response.Header<string>("X", null!));
        Assert.Throws<ArgumentNullException>("response", () => ((HttpResponse)null!).Header("X", 1));
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("a b")]
    [InlineData("abc\r\n")]
    [InlineData("abc\0")]
    [InlineData("")]
    public void ETag_InvalidTag_ThrowsArgumentException(string tag) =>
        Assert.Throws<ArgumentException>("tag", () => new DefaultHttpContext().Response.ETag(tag));

    [Fact]
    public void Link_InvalidArguments_ThrowArgumentException()
    {
        var response = new DefaultHttpContext().Response;
        Assert.Throws<ArgumentException>("rel", () => response.Link("/a"));
        Assert.Throws<ArgumentException>("rel", () => response.Link("/a", "next prev"));
        Assert.Throws<ArgumentException>("rel", () => response.Link("/a", "ne\"xt"));
        Assert.Throws<ArgumentException>("rel", () => response.Link("/a", ""));
        Assert.Throws<ArgumentException>("rel", () => response.Link("/a", "next\r\n"));
        Assert.Throws<ArgumentException>("uri", () => response.Link("/a\r\nX: y", "next"));
        Assert.Throws<ArgumentException>("uri", () => response.Link("", "next"));
    }

    [Fact]
    public void CacheControl_InvalidOptions_Throw()
    {
        var response = new DefaultHttpContext().Response;
        Assert.Throws<ArgumentOutOfRangeException>("options.MaxAge", () => response.CacheControl(new CacheControlOptions { MaxAge = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>("options.SharedMaxAge", () => response.CacheControl(new CacheControlOptions { SharedMaxAge = TimeSpan.FromSeconds(-1) }));
        var e = Assert.Throws<ArgumentException>("options", () => response.CacheControl(new CacheControlOptions { Public = true, Private = true }));
        Assert.Contains("public and private", e.Message, StringComparison.Ordinal);
        var injected = new CacheControlHeaderValue();
        injected.Extensions.Add(new NameValueHeaderValue("x", "\"a\r\nb\""));
        Assert.Throws<ArgumentException>("value", () => response.CacheControl(injected));
    }
}
