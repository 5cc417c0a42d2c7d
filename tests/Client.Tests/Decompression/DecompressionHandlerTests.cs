using System.Net;
using System.Text;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Decompression;

public sealed class DecompressionHandlerTests : IAsyncLifetime
{
    private const string Text = "Herald decodes this body as it is read. Herald decodes this body as it is read.";
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes(Text);

    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/accept", (HttpRequest r) => r.Headers.AcceptEncoding.ToString());
            app.MapGet("/gzip", () => Encoded("gzip", Compress.Gzip(Plain)));
            app.MapGet("/x-gzip", () => Encoded("x-gzip", Compress.Gzip(Plain)));
            app.MapGet("/deflate-zlib", () => Encoded("deflate", Compress.Zlib(Plain)));
            app.MapGet("/deflate-raw", () => Encoded("deflate", Compress.RawDeflate(Plain)));
            app.MapGet("/br", () => Encoded("br", Compress.Brotli(Plain)));
            app.MapGet("/stacked", () => Encoded("gzip, br", Compress.Brotli(Compress.Gzip(Plain))));
            app.MapGet("/unknown", () => Encoded("zstd", Plain));
            app.MapGet("/unknown-inside", () => Encoded("zstd, gzip", Compress.Gzip(Plain)));
            app.MapGet("/plain", () => Results.Text(Text));
            app.MapMethods("/head", ["HEAD"], (HttpResponse r) =>
            {
                r.Headers.ContentEncoding = "gzip";
                r.ContentLength = 1234;
                return Results.Empty;
            });
            app.MapGet("/no-content", (HttpResponse r) =>
            {
                r.Headers.ContentEncoding = "gzip";
                return Results.NoContent();
            });
            app.MapGet("/not-modified", (HttpResponse r) =>
            {
                r.Headers.ContentEncoding = "gzip";
                return Results.StatusCode(304);
            });
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_NoAcceptEncoding_AsksForGzipDeflateBrotli()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "accept"));

        Assert.Equal("gzip, deflate, br", await response.Message.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip", "gzip, deflate, br")]
    [InlineData("br;q=1.0, gzip;q=0.5", "br;q=1.0, gzip;q=0.5, deflate")]
    [InlineData("gzip;q=0", "gzip;q=0, deflate, br")]
    [InlineData("identity", "identity")]
    [InlineData("*", "*")]
    [InlineData("zstd, identity;q=0.1", "zstd, identity;q=0.1")]
    public async Task SendAsync_CallerAcceptEncoding_IsMergedWithoutDuplicates(string sent, string expected)
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o => o.BaseAddress = _server.BaseAddress));
        using var request = new HttpRequestMessage(HttpMethod.Get, "accept");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", sent);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("x-gzip", "x-gzip")]
    [InlineData("deflate-zlib", "deflate")]
    [InlineData("deflate-raw", "deflate")]
    [InlineData("br", "br")]
    [InlineData("stacked", "gzip, br")]
    public async Task SendAsync_EncodedBody_IsDecodedAndEncodingRecorded(string path, string encoding)
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, path));

        // Content-Length described the encoded bytes; the client buffered the decoded body, so it now describes that.
        Assert.Empty(response.Message.Content.Headers.ContentEncoding);
        Assert.Equal(encoding, response.OriginalContentEncoding);
        Assert.Equal(Text, await response.Message.Content.ReadAsStringAsync());
        Assert.Equal(Plain.Length, response.Message.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task SendAsync_DecodedBody_IsStreamedNotBuffered()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip").As(ResponseBodyKind.Stream));
        await using var stream = (Stream)response.Body!;

        Assert.False(stream.CanSeek);
        var first = new byte[7];
        await stream.ReadExactlyAsync(first);
        Assert.Equal("Herald ", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public async Task SendAsync_UnknownEncoding_LeavesBodyAndHeaderAsIs()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "unknown"));

        Assert.Equal(Plain, await response.Message.Content.ReadAsByteArrayAsync());
        Assert.Equal(["zstd"], response.Message.Content.Headers.ContentEncoding);
        Assert.Null(response.OriginalContentEncoding);
    }

    [Fact]
    public async Task SendAsync_UnknownInnerEncoding_DecodesOuterAndKeepsInner()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "unknown-inside"));

        Assert.Equal(Plain, await response.Message.Content.ReadAsByteArrayAsync());
        Assert.Equal(["zstd"], response.Message.Content.Headers.ContentEncoding);
        Assert.Equal("zstd, gzip", response.OriginalContentEncoding);
    }

    [Fact]
    public async Task SendAsync_UnencodedBody_IsUntouched()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "plain"));

        Assert.Equal(Text, await response.Message.Content.ReadAsStringAsync());
        Assert.Equal(Plain.Length, response.Message.Content.Headers.ContentLength);
        Assert.Null(response.OriginalContentEncoding);
    }

    [Fact]
    public async Task SendAsync_DisabledInOptions_SendsNoAcceptEncodingAndKeepsBodyEncoded()
    {
        using var client = Client(o => o.Decompression.Enabled = false);

        using var accept = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "accept"));
        using var gzip = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip"));

        Assert.Equal(string.Empty, await accept.Message.Content.ReadAsStringAsync());
        Assert.Equal(Compress.Gzip(Plain), await gzip.Message.Content.ReadAsByteArrayAsync());
        Assert.Equal(["gzip"], gzip.Message.Content.Headers.ContentEncoding);
        Assert.Null(gzip.OriginalContentEncoding);
    }

    [Fact]
    public async Task Decompress_FalseOnRequest_KeepsThatBodyEncoded()
    {
        using var client = Client();

        using var raw = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip").Decompress(false));
        using var decoded = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip"));

        Assert.Equal(Compress.Gzip(Plain), await raw.Message.Content.ReadAsByteArrayAsync());
        Assert.Equal(Text, await decoded.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Decompress_TrueOnRequest_OverridesDisabledOptions()
    {
        using var client = Client(o => o.Decompression.Enabled = false);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "br").Decompress());

        Assert.Equal(Text, await response.Message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_Head_LeavesHeadersUntouched()
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Head, "head"));

        Assert.Equal(["gzip"], response.Message.Content.Headers.ContentEncoding);
        Assert.Equal(1234, response.Message.Content.Headers.ContentLength);
        Assert.Null(response.OriginalContentEncoding);
    }

    [Theory]
    [InlineData("no-content", HttpStatusCode.NoContent)]
    [InlineData("not-modified", HttpStatusCode.NotModified)]
    public async Task SendAsync_NoContentOrNotModified_IsUntouched(string path, HttpStatusCode status)
    {
        using var client = Client();

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["gzip"], response.Message.Content.Headers.ContentEncoding);
        Assert.Null(response.OriginalContentEncoding);
    }

    [Fact]
    public void Constructor_NonPositiveCap_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Client(o => o.Decompression.MaxDecodedBytes = 0));

        Assert.Contains("MaxDecodedBytes", ex.Message);
    }

    private static IResult Encoded(string encoding, byte[] body) => new EncodedResult(encoding, body);

    private HeraldClient Client(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.BaseAddress = _server.BaseAddress;
        configure?.Invoke(o);
    });

    private sealed class EncodedResult(string encoding, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
