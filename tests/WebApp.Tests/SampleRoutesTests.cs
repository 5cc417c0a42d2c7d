using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebApp.Tests;

/// <summary>Every route of SPEC.md's sample table, exactly as the table says, through the sample app's real pipeline.</summary>
public sealed class SampleRoutesTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    [Fact]
    public async Task Home_ListsEveryRoute()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/hello", "/html", "/index", "/razor", "/products", "/products/razor", "/products/slice", "/customer/1", "/customer", "/download", "/files/readme.txt", "/bytes", "/stream", "/teapot", "/etag", "/cookie", "/redirect" })
        {
            Assert.Contains($"<code>{path}</code>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hello_ReturnsPlainTextUtf8()
    {
        using var response = await _client.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Hello, world!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Html_ReturnsTitleAndHeading()
    {
        using var response = await _client.GetAsync("/html");

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<head><title>Herald</title></head>", html, StringComparison.Ordinal);
        Assert.Contains("<body><h1>Hello from Herald!</h1></body>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_WithoutAccept_IsJson()
    {
        using var response = await _client.GetAsync("/customer/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"id":1,"firstName":"Jet","lastName":"Brains"}""", await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Customer_AcceptXml_IsXml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer/1");
        request.Headers.Accept.ParseAdd("application/xml");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Customer><Id>1</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_AcceptImagePng_Is406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer/1");
        request.Headers.Accept.ParseAdd("image/png");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Customer_PostJsonThenGetXml_RoundTrips()
    {
        using var post = await _client.PostAsync("/customer",
            new StringContent("""{"id":7,"firstName":"Ada","lastName":"Lovelace"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal("Customer stored correctly", await post.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer/7");
        request.Headers.Accept.ParseAdd("application/xml");
        using var get = await _client.SendAsync(request);
        Assert.Contains("<FirstName>Ada</FirstName>", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_PostXml_IsStored()
    {
        using var post = await _client.PostAsync("/customer", new StringContent(
            "<Customer><Id>8</Id><FirstName>Grace</FirstName><LastName>Hopper</LastName></Customer>", Encoding.UTF8, "application/xml"));
        Assert.True(post.StatusCode == HttpStatusCode.Created, await post.Content.ReadAsStringAsync());

        Assert.Equal("""{"id":8,"firstName":"Grace","lastName":"Hopper"}""", await _client.GetStringAsync("/customer/8"));
    }

    [Fact]
    public async Task Customer_PostUnsupportedType_Is415()
    {
        using var post = await _client.PostAsync("/customer", new StringContent("id=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, post.StatusCode);
    }

    [Fact]
    public async Task Customer_PostMalformedJson_Is400WithProblemDetails()
    {
        using var post = await _client.PostAsync("/customer", new StringContent("""{"id": "x""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_Unknown_Is404()
    {
        using var response = await _client.GetAsync("/customer/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_IsLogoAttachment()
    {
        using var response = await _client.GetAsync("/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("attachment; filename=\"herald-logo.png\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(await File.ReadAllBytesAsync(LogoPath), await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Download_Range_Is206()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/download");
        request.Headers.Range = new RangeHeaderValue(0, 7);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var logo = await File.ReadAllBytesAsync(LogoPath);
        Assert.Equal($"bytes 0-7/{logo.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(logo[..8], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_IfNoneMatch_Is304()
    {
        using var first = await _client.GetAsync("/download");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/download");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Files_ServesFileUnderFolder()
    {
        using var response = await _client.GetAsync("/files/readme.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Herald sample files.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/files/..%2fappsettings.json")]
    [InlineData("/files/%2e%2e%2fappsettings.json")]
    [InlineData("/files/..%5cappsettings.json")]
    [InlineData("/files/%2fetc%2fpasswd")]
    public async Task Files_Traversal_Is404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bytes_IsOctetStream()
    {
        using var response = await _client.GetAsync("/bytes");

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(17, response.Content.Headers.ContentLength);
        Assert.Equal("Herald raw bytes\n"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Stream_WritesAllLines()
    {
        var body = await _client.GetStringAsync("/stream");

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Length);
        Assert.Equal("line 100 of 100", lines[^1]);
    }

    [Fact]
    public async Task Etag_SendsTagAndCustomHeader()
    {
        using var response = await _client.GetAsync("/etag");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"7c876b7e\"", response.Headers.ETag?.ToString());
        Assert.Equal("Some value", Assert.Single(response.Headers.GetValues("Custom-Header")));
    }

    [Fact]
    public async Task Etag_IfNoneMatch_Is304WithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/etag");
        request.Headers.IfNoneMatch.ParseAdd("\"7c876b7e\"");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Cookie_SetsYummyCookie()
    {
        using var response = await _client.GetAsync("/cookie");

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("yummy_cookie=choco;", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Redirect_Is301ToMoved()
    {
        using var response = await _client.GetAsync("/redirect");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/moved", response.Headers.Location?.OriginalString);
        Assert.Equal("Moved content", await _client.GetStringAsync("/moved"));
    }

    private static string LogoPath => Path.Combine(AppContext.BaseDirectory, "files", "herald-logo.png");
}
