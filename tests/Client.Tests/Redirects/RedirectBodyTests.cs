using System.Net.Http.Json;
using System.Text;

namespace Herald.Client.Tests.Redirects;

/// <summary>Bodies on 307/308: resent when replayable, kept as they stream when read-once, refused past the limit.</summary>
public sealed class RedirectBodyTests(RedirectTestServer server) : IClassFixture<RedirectTestServer>
{
    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendAsync_LaxWithReadOnceStream_ResendsTheKeptCopy(int status)
    {
        using var http = LoopbackTransport.Chain(new RedirectOptions { Strategy = RedirectStrategy.Lax }, new CookieJarOptions());
        var body = string.Concat(Enumerable.Repeat("0123456789", 2000));
        using var request = new HttpRequestMessage(HttpMethod.Put, server.Url($"r/{status}"))
        {
            Content = new StreamContent(new ReadOnceStream(Encoding.ASCII.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new("application/octet-stream");

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("PUT", response.Headers.GetValues("X-Method").Single());
        Assert.Equal(body, response.Headers.GetValues("X-Body").Single());
        Assert.Equal("application/octet-stream", response.Headers.GetValues("X-Content-Type").Single());
    }

    [Fact]
    public async Task SendAsync_LaxWithReadOnceStreamOverTheLimit_ThrowsBodyNotReplayable()
    {
        using var client = LaxClient(maxReplayBufferBytes: 1024);
        var before = server.Hits;

        var error = await Assert.ThrowsAsync<HeraldRedirectException>(
            () => client.PostAsync(server.Url("r/307").ToString(), r => r.Body(new ReadOnceStream(new byte[4096]))));

        Assert.Equal(RedirectError.BodyNotReplayable, error.Error);
        Assert.Contains("HeraldClientOptions.MaxReplayBufferBytes, 1024 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits - before);
    }

    [Fact]
    public async Task SendAsync_LaxWithReadOnceStreamOverTheLimitButConvertedToGet_Follows()
    {
        using var client = LaxClient(maxReplayBufferBytes: 16);

        using var response = await client.PostAsync(server.Url("r/302").ToString(), r => r.Body(new ReadOnceStream(new byte[4096])));

        Assert.Equal(200, response.Status);
        Assert.Equal("GET", response.Headers["X-Method"]);
        Assert.Equal(string.Empty, response.Headers["X-Body"]);
    }

    private static HeraldClient LaxClient(long maxReplayBufferBytes) => new(o =>
    {
        o.TransportHandler = () => LoopbackTransport.Create();
        o.Redirects.Strategy = RedirectStrategy.Lax;
        o.MaxReplayBufferBytes = maxReplayBufferBytes;
    });

    [Fact]
    public async Task SendAsync_LaxWithJsonContent_ResendsWithoutWrapping()
    {
        using var http = LoopbackTransport.Chain(new RedirectOptions { Strategy = RedirectStrategy.Lax }, new CookieJarOptions());
        var content = JsonContent.Create(new { name = "herald", count = 3 });
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("r/308")) { Content = content };

        using var response = await http.SendAsync(request);

        Assert.Same(content, request.Content);
        Assert.Equal("{\"name\":\"herald\",\"count\":3}", response.Headers.GetValues("X-Body").Single());
        Assert.StartsWith("application/json", response.Headers.GetValues("X-Content-Type").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LaxWithMultipartOfStrings_ResendsAllParts()
    {
        using var http = LoopbackTransport.Chain(new RedirectOptions { Strategy = RedirectStrategy.Lax }, new CookieJarOptions());
        var form = new MultipartFormDataContent("boundary42") { { new StringContent("one"), "a" }, { new ByteArrayContent([50]), "b" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("r/307")) { Content = form };

        using var response = await http.SendAsync(request);

        Assert.Same(form, request.Content);
        Assert.Equal(200, (int)response.StatusCode);
        var body = Uri.UnescapeDataString(response.Headers.GetValues("X-Body-Escaped").Single());
        Assert.Contains("\r\n\r\none\r\n", body, StringComparison.Ordinal);
        Assert.Contains("name=b", body, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", response.Headers.GetValues("X-Content-Type").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_DefaultStrategyPostWithStream_StreamsWithoutWrapping()
    {
        using var http = LoopbackTransport.Chain(new RedirectOptions(), new CookieJarOptions());
        var content = new StreamContent(new ReadOnceStream(Encoding.ASCII.GetBytes("streamed")));
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("target")) { Content = content };

        using var response = await http.SendAsync(request);

        // A POST is never resent under the default strategy, so its body is not teed.
        Assert.Same(content, request.Content);
        Assert.Equal("streamed", response.Headers.GetValues("X-Body").Single());
    }

    [Fact]
    public async Task SendAsync_LaxWithChunkedStream_KeepsChunkedFraming()
    {
        using var http = LoopbackTransport.Chain(new RedirectOptions { Strategy = RedirectStrategy.Lax }, new CookieJarOptions());
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url("r/307"))
        {
            Content = new StreamContent(new ReadOnceStream(Encoding.ASCII.GetBytes("chunked body"))),
        };

        using var response = await http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal("chunked body", response.Headers.GetValues("X-Body").Single());
    }
}
