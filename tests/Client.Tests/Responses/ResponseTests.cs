using System.Net;
using System.Text;
using System.Text.Json;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Responses;

/// <summary>Serves the bodies the response tests read.</summary>
public sealed class ResponseServer : IAsyncLifetime
{
    public LoopbackServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackServer.StartAsync(app =>
    {
        app.MapMethods("/json", ["GET", "HEAD"], () => Results.Json(new { name = "herald", tags = new[] { "a", "b" } }));
        app.MapGet("/problem", () => Results.Json(new { error = "nope" }, statusCode: 404));
        app.MapGet("/html-error", () => Results.Content("<h1>broken</h1>", "text/html", statusCode: 500));
        app.MapGet("/bad-json", () => Results.Content("{not json", "application/json"));
        app.MapGet("/form", () => Results.Content("a=1&b=x+y&a=2&c=%C3%A9", "application/x-www-form-urlencoded"));
        app.MapGet("/text", () => Results.Text("plain", "text/plain; charset=utf-8"));
        app.MapGet("/binary", () => Results.Bytes([1, 2, 3], "image/png"));
        app.MapGet("/xml", () => Results.Content("<a/>", "application/xml"));
        app.MapGet("/empty-json", () => Results.Content("", "application/json"));
        app.MapGet("/no-content", () => Results.NoContent());
        app.MapGet("/teapot", (HttpContext ctx) =>
        {
            ctx.Response.StatusCode = 418;
            ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = "I'm a tea pot";
            return Task.CompletedTask;
        });
        app.MapGet("/latin1", () => Results.Bytes(Encoding.Latin1.GetBytes("café"), "text/plain; charset=ISO-8859-1"));
        app.MapGet("/shift-jis-meta", () => Results.Bytes(
            Internal.Charsets.Find("shift_jis")!.GetBytes("<html><head><meta charset=\"Shift_JIS\"></head><body>日本語</body></html>"), "text/html"));
        app.MapGet("/http-equiv", () => Results.Bytes(
            Encoding.Latin1.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>é</html>"), "text/html"));
        app.MapGet("/bom16", () => Results.Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("wide ✓")], "text/plain"));
        app.MapGet("/links", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Append("Link", "</items?page=3>; rel=\"next\", </items?page=9>; rel=\"last\"");
            ctx.Response.Headers.Append("Link", "<https://docs.example.com/>; rel=\"help\"; title=\"Docs\"");
            return "page 2";
        });
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class ResponseTests(ResponseServer fixture) : IClassFixture<ResponseServer>
{
    private HeraldClient NewClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = fixture.Server.BaseAddress;
        configure?.Invoke(o);
    });

    [Fact]
    public async Task Response_StatusReasonVersionAndRequest()
    {
        using var client = NewClient(o => o.ThrowOnError = false);

        using var response = await client.GetAsync("teapot");

        Assert.Equal(418, response.Status);
        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("I'm a tea pot", response.ReasonPhrase);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpMethod.Get, response.Method);
        Assert.Equal(fixture.Server.Url("teapot"), response.RequestUri);
        Assert.False(response.IsSuccess);
    }

    [Fact]
    public async Task Links_AreParsedByRel_AndResolved()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("links");

        Assert.Equal(fixture.Server.Url("items?page=3"), response.Links["next"].Target);
        Assert.Equal(fixture.Server.Url("items?page=9"), response.Links["LAST"].Target);
        Assert.Equal("Docs", response.Links["help"].Title);
        Assert.Equal(3, response.AllLinks.Count);
        Assert.False(response.Links.ContainsKey("prev"));
    }

    [Fact]
    public async Task Elapsed_IsMeasuredWithTheClientsClock()
    {
        var time = new ManualTimeProvider();
        using var client = NewClient(o =>
        {
            o.TimeProvider = time;
            o.Middleware.Insert(0, "slow", () => new AdvanceClockHandler(time, TimeSpan.FromMilliseconds(1234)));
        });

        using var response = await client.GetAsync("text");

        Assert.Equal(TimeSpan.FromMilliseconds(1234), response.Elapsed);
    }

    [Fact]
    public async Task Elapsed_OnTheRealClock_IsPositive()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("text");

        Assert.True(response.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Body_String_IsTheDefault()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("text");

        Assert.Equal(ResponseBodyKind.String, response.BodyKind);
        Assert.Equal("plain", response.Body);
    }

    [Fact]
    public async Task Body_Bytes()
    {
        using var client = NewClient(o => o.ResponseBody = ResponseBodyKind.Bytes);

        using var response = await client.GetAsync("binary");

        Assert.Equal(new byte[] { 1, 2, 3 }, response.Body);
    }

    [Fact]
    public async Task Body_Json_IsAJsonDocument_AndTypedReadsWork()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("json", r => r.As(ResponseBodyKind.Json));

        var doc = Assert.IsType<JsonDocument>(response.Body);
        Assert.Equal("herald", doc.RootElement.GetProperty("name").GetString());
        var typed = await response.ReadJsonAsync<NameAndTags>();
        Assert.Equal("herald", typed!.Name);
        Assert.Equal(["a", "b"], typed.Tags);
        using var another = await response.ReadJsonDocumentAsync();
        Assert.Equal(2, another!.RootElement.GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task Body_Form_IsAMultiMap()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("form", r => r.As(ResponseBodyKind.Form));

        var form = Assert.IsAssignableFrom<IReadOnlyDictionary<string, IReadOnlyList<string>>>(response.Body);
        Assert.Equal(["1", "2"], form["a"]);
        Assert.Equal(["x y"], form["b"]);
        Assert.Equal(["é"], form["c"]);
        Assert.Equal(form["a"], (await response.ReadFormAsync())["a"]);
    }

    [Theory]
    [InlineData("json", typeof(JsonDocument))]
    [InlineData("form", typeof(Dictionary<string, IReadOnlyList<string>>))]
    [InlineData("text", typeof(string))]
    [InlineData("xml", typeof(string))]
    [InlineData("binary", typeof(byte[]))]
    public async Task Body_Auto_FollowsTheContentType(string path, Type expected)
    {
        using var client = NewClient(o => o.ResponseBody = ResponseBodyKind.Auto);

        using var response = await client.GetAsync(path);

        Assert.IsType(expected, response.Body);
    }

    [Fact]
    public async Task CoerceMode_Unexceptional_LeavesErrorBodiesAsText()
    {
        using var client = NewClient(o => o.ThrowOnError = false);

        using var ok = await client.GetAsync("json", r => r.As(ResponseBodyKind.Json));
        using var error = await client.GetAsync("problem", r => r.As(ResponseBodyKind.Json));

        Assert.IsType<JsonDocument>(ok.Body);
        Assert.Equal("{\"error\":\"nope\"}", error.Body);
    }

    [Fact]
    public async Task CoerceMode_Always_CoercesErrorsToo()
    {
        using var client = NewClient(o =>
        {
            o.ThrowOnError = false;
            o.CoerceMode = CoerceMode.Always;
        });

        using var error = await client.GetAsync("problem", r => r.As(ResponseBodyKind.Json));
        using var htmlError = await client.GetAsync("html-error", r => r.As(ResponseBodyKind.Json));

        Assert.Equal("nope", Assert.IsType<JsonDocument>(error.Body).RootElement.GetProperty("error").GetString());
        Assert.Equal("<h1>broken</h1>", htmlError.Body);
    }

    [Fact]
    public async Task CoerceMode_Exceptional_CoercesOnlyErrors()
    {
        using var client = NewClient(o => o.ThrowOnError = false);

        using var ok = await client.GetAsync("json", r => r.As(ResponseBodyKind.Json).Coerce(CoerceMode.Exceptional));
        using var error = await client.GetAsync("problem", r => r.As(ResponseBodyKind.Json).Coerce(CoerceMode.Exceptional));

        Assert.IsType<string>(ok.Body);
        Assert.IsType<JsonDocument>(error.Body);
    }

    [Fact]
    public async Task InvalidJson_OnSuccess_ThrowsCoercionExceptionWithTheResponse()
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<HeraldCoercionException>(() => client.GetAsync("bad-json", r => r.As(ResponseBodyKind.Json)));

        Assert.Equal("{not json", await ex.Response.ReadStringAsync());
        Assert.Contains("/bad-json", ex.Message);
        Assert.Contains("application/json", ex.Message);
        ex.Response.Dispose();
    }

    [Theory]
    [InlineData("empty-json")]
    [InlineData("no-content")]
    public async Task EmptyBody_IsNullForEveryKind_NeverAParseError(string path)
    {
        using var client = NewClient();

        foreach (var kind in new[] { ResponseBodyKind.String, ResponseBodyKind.Bytes, ResponseBodyKind.Json, ResponseBodyKind.Form, ResponseBodyKind.Auto })
        {
            using var response = await client.GetAsync(path, r => r.As(kind));
            Assert.Null(response.Body);
            Assert.Null(await response.ReadJsonAsync<NameAndTags>());
            Assert.Equal(0, await response.ReadJsonAsync<int>());
            Assert.Null(await response.ReadJsonDocumentAsync());
            Assert.Equal(string.Empty, await response.ReadStringAsync());
            Assert.Empty(await response.ReadBytesAsync());
        }
    }

    [Fact]
    public async Task EmptyBody_Head_IsNull()
    {
        using var client = NewClient();

        using var response = await client.HeadAsync("json", r => r.As(ResponseBodyKind.Json));

        Assert.Null(response.Body);
        Assert.Equal("application/json; charset=utf-8", response.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Charset_FromContentType()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("latin1");

        Assert.Equal("café", response.Body);
    }

    [Fact]
    public async Task Charset_FromMetaCharset_WhenDecodeBodyHeadersIsOn()
    {
        using var client = NewClient();

        using var on = await client.GetAsync("shift-jis-meta", r => r.DecodeBodyHeaders());
        using var off = await client.GetAsync("shift-jis-meta");

        Assert.Contains("日本語", (string)on.Body!);
        Assert.DoesNotContain("日本語", (string)off.Body!);
    }

    [Fact]
    public async Task Charset_FromMetaHttpEquiv_WhenDecodeBodyHeadersIsOnForTheClient()
    {
        using var client = NewClient(o => o.DecodeBodyHeaders = true);

        using var response = await client.GetAsync("http-equiv");

        Assert.EndsWith("é</html>", (string)response.Body!);
    }

    [Fact]
    public async Task Charset_ByteOrderMark_IsHonoured()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("bom16");

        Assert.Equal("wide ✓", response.Body);
    }

    [Fact]
    public async Task ReadMethods_WorkOnAStreamedBody_Once()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("json", r => r.As(ResponseBodyKind.Stream));
        var stream = Assert.IsAssignableFrom<Stream>(response.Body);
        using var reader = new StreamReader(stream);

        Assert.Contains("herald", await reader.ReadToEndAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => response.ReadStringAsync());
    }

    private sealed record NameAndTags(string Name, string[] Tags);

    /// <summary>Moves a fake clock forward while a call is in flight, as a slow server would.</summary>
    private sealed class AdvanceClockHandler(ManualTimeProvider time, TimeSpan by) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            time.Advance(by);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
