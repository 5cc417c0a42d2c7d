using System.Text;
using System.Text.Json;
using Herald.Client.Tests.Client;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Client.Tests.Requests;

public sealed class BodyTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private HeraldClient NewClient() => new(o => o.BaseAddress = echo.BaseAddress);

    private async Task<Echo> PostAsync(Action<HeraldRequest> configure, HttpMethod? method = null)
    {
        using var client = NewClient();
        using var response = await client.SendAsync(method ?? HttpMethod.Post, "echo/body", configure);
        return (await response.ReadJsonAsync<Echo>())!;
    }

    [Fact]
    public async Task StringBody_DefaultsToUtf8TextPlain()
    {
        var received = await PostAsync(r => r.Body("héllo"));

        Assert.Equal("text/plain; charset=utf-8", received.ContentType);
        Assert.Equal("héllo"u8.ToArray(), received.Body);
        Assert.Equal(6, received.ContentLength);
    }

    [Fact]
    public async Task StringBody_WithEncoding_NamesThatCharset()
    {
        var received = await PostAsync(r => r.Body("héllo", Encoding.Latin1, "text/csv"));

        Assert.Equal("text/csv; charset=iso-8859-1", received.ContentType);
        Assert.Equal(Encoding.Latin1.GetBytes("héllo"), received.Body);
    }

    [Fact]
    public async Task StringBody_CharsetFromContentType_ChoosesTheEncoding()
    {
        var received = await PostAsync(r => r.ContentType("text/plain", "utf-16").Body("hé"));

        Assert.Equal("text/plain; charset=utf-16", received.ContentType);
        Assert.Equal(Encoding.Unicode.GetBytes("hé"), received.Body);
    }

    [Fact]
    public async Task StringBody_ContentTypeWithoutCharset_GetsTheCharsetAdded()
    {
        var received = await PostAsync(r => r.ContentType("json").Body("{\"a\":\"é\"}"));

        Assert.Equal("application/json; charset=utf-8", received.ContentType);
    }

    [Fact]
    public async Task BytesBody_IsSentAsIs()
    {
        byte[] bytes = [0, 1, 2, 255];

        var received = await PostAsync(r => r.Body(bytes));

        Assert.Equal(bytes, received.Body);
        Assert.Equal("application/octet-stream", received.ContentType);
        Assert.Equal(4, received.ContentLength);
    }

    [Fact]
    public async Task StreamBody_Seekable_HasContentLength()
    {
        var received = await PostAsync(r => r.Body(new MemoryStream("seekable"u8.ToArray()), contentType: "text"));

        Assert.Equal("seekable", received.BodyText);
        Assert.Equal(8, received.ContentLength);
        Assert.Equal("", received.TransferEncoding);
        Assert.Equal("text/plain", received.ContentType);
    }

    [Fact]
    public async Task StreamBody_NotSeekable_IsChunked()
    {
        var received = await PostAsync(r => r.Body(new GeneratedStream(10_000)));

        Assert.Equal(10_000, received.Body.Length);
        Assert.Null(received.ContentLength);
        Assert.Equal("chunked", received.TransferEncoding);
    }

    [Fact]
    public async Task StreamBody_WithLength_SendsContentLength()
    {
        var received = await PostAsync(r => r.Body(new GeneratedStream(5_000), length: 5_000));

        Assert.Equal(5_000, received.ContentLength);
        Assert.Equal(5_000, received.Body.Length);
        Assert.Equal("", received.TransferEncoding);
    }

    [Fact]
    public async Task Request_SentTwice_RebuildsEveryBodyKind()
    {
        using var client = NewClient();
        var seekable = new MemoryStream("again"u8.ToArray());
        var requests = new[]
        {
            new HeraldRequest(HttpMethod.Post, "echo/1").Body("again"),
            new HeraldRequest(HttpMethod.Post, "echo/2").Body(seekable),
            new HeraldRequest(HttpMethod.Post, "echo/3").Body(() => new MemoryStream("again"u8.ToArray())),
            new HeraldRequest(HttpMethod.Post, "echo/4").FormBody(new { v = "again" }),
            new HeraldRequest(HttpMethod.Post, "echo/5").JsonBody("again"),
            new HeraldRequest(HttpMethod.Post, "echo/6").MultipartBody(m => m.AddText("v", "again")),
        };

        foreach (var request in requests)
        {
            using var first = await client.SendAsync(request);
            using var second = await client.SendAsync(request);
            var a = (await first.ReadJsonAsync<Echo>())!;
            var b = (await second.ReadJsonAsync<Echo>())!;
            Assert.Contains("again", a.BodyText);
            Assert.Equal(a.Body.Length, b.Body.Length);
        }
    }

    [Fact]
    public async Task StreamBody_NotSeekable_SecondSendThrowsNamingTheFix()
    {
        using var client = NewClient();
        var request = new HeraldRequest(HttpMethod.Post, "echo/once").Body(new GeneratedStream(10));
        using (await client.SendAsync(request))
        {
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));

        Assert.Contains("factory", ex.Message);
    }

    [Fact]
    public async Task StreamBody_IsNotDisposed()
    {
        var stream = new MemoryStream("mine"u8.ToArray());

        await PostAsync(r => r.Body(stream));

        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task FileBody_IsStreamedWithLengthAndTypeFromExtension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"herald-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"from\":\"file\"}");
        try
        {
            var received = await PostAsync(r => r.FileBody(path));
            var typed = await PostAsync(r => r.FileBody(path, "text"));

            Assert.Equal("{\"from\":\"file\"}", received.BodyText);
            Assert.Equal(15, received.ContentLength);
            Assert.Equal("application/json", received.ContentType);
            Assert.Equal("text/plain", typed.ContentType);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FileBody_MissingFile_ThrowsWithThePath()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new HeraldRequest(HttpMethod.Post, "x").FileBody("/no/such/file.txt"));

        Assert.Contains("/no/such/file.txt", ex.Message);
    }

    [Fact]
    public async Task FormBody_IsUrlEncodedWithPlusForSpaces()
    {
        var received = await PostAsync(r => r.FormBody(new { param1 = "value1", q = "a b+c", list = new[] { 1, 2 }, skipped = (string?)null }));

        Assert.Equal("application/x-www-form-urlencoded", received.ContentType);
        Assert.Equal("param1=value1&q=a+b%2Bc&list=1&list=2", received.BodyText);
    }

    [Fact]
    public async Task FormBody_NestedMap_IsFlattenedOnlyWhenAsked()
    {
        var fields = new Dictionary<string, object?> { ["a"] = new Dictionary<string, object?> { ["b"] = new { c = "d" } } };

        var received = await PostAsync(r => r.FormBody(fields, flattenNested: true));
        using var client = NewClient();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostAsync("echo/f", r => r.FormBody(fields)));

        Assert.Equal("a%5Bb%5D%5Bc%5D=d", received.BodyText);
        Assert.Contains("flattenNested: true", ex.Message);
    }

    [Fact]
    public async Task FormBody_ArrayStyle_FollowsTheRequestStyle()
    {
        var received = await PostAsync(r => r.QueryStyle(MultiParamStyle.Indexed).FormBody(new { a = new[] { "x", "y" } }));

        Assert.Equal("a[0]=x&a[1]=y", Uri.UnescapeDataString(received.BodyText));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task FormBody_WithGetOrHead_ThrowsPointingToQuery(string method)
    {
        using var client = NewClient();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(method, "echo/f", r => r.FormBody(new { a = 1 })));

        Assert.Contains("Query", ex.Message);
    }

    [Fact]
    public async Task FormBody_ServerReadsTheFields()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/form", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            return $"{form["name"]}|{string.Join(",", form["tag"].ToArray())}";
        }));
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);

        using var response = await client.PostAsync("form", r => r.FormBody(new { name = "Zoë & co", tag = new[] { "a", "b" } }));

        Assert.Equal("Zoë & co|a,b", response.Body);
    }

    [Fact]
    public async Task JsonBody_UsesTheClientOptions_OrTheGivenOnes()
    {
        var camel = await PostAsync(r => r.JsonBody(new Item(1, "a")));
        var pascal = await PostAsync(r => r.JsonBody(new Item(1, "a"), new JsonSerializerOptions()));
        var generated = await PostAsync(r => r.JsonBody(new Item(2, "b"), TestJsonContext.Default.Item));

        Assert.Equal("application/json; charset=utf-8", camel.ContentType);
        Assert.Equal("{\"id\":1,\"name\":\"a\"}", camel.BodyText);
        Assert.Equal("{\"Id\":1,\"Name\":\"a\"}", pascal.BodyText);
        Assert.Equal("{\"id\":2,\"name\":\"b\"}", generated.BodyText);
    }

    [Fact]
    public async Task JsonBody_IsSentWithAContentLength_NotChunked()
    {
        var received = await PostAsync(r => r.JsonBody(new Item(1, "a")));

        Assert.Equal(19, received.ContentLength);
        Assert.Equal(string.Empty, received.TransferEncoding);
    }

    [Fact]
    public async Task JsonBody_ValueThatCannotBeSerialized_FailsBeforeSending()
    {
        using var client = NewClient();
        var cycle = new Node();
        cycle.Next = cycle;

        await Assert.ThrowsAsync<JsonException>(() => client.PostAsync("echo/body", r => r.JsonBody(cycle)));
    }

    [Fact]
    public async Task JsonBody_CustomContentType_IsKept()
    {
        var received = await PostAsync(r => r.ContentType("application/vnd.api+json").JsonBody(new { a = 1 }));

        Assert.Equal("application/vnd.api+json", received.ContentType);
        Assert.Equal("{\"a\":1}", received.BodyText);
    }

    [Fact]
    public async Task MultipartBody_PartsArriveInOrderWithNamesFileNamesAndTypes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"herald-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "file content");
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/upload", async (HttpContext ctx) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var fields = form.Select(f => $"{f.Key}={f.Value}");
            var files = new List<string>();
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                files.Add($"{file.Name}:{file.FileName}:{file.ContentType}:{await reader.ReadToEndAsync()}");
            }

            return Results.Json(new { contentType = ctx.Request.ContentType, fields, files });
        }));
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);
        try
        {
            using var response = await client.PostAsync("upload", r => r
                .ContentType("multipart/form-data") // replaced: the boundary must be the client's
                .MultipartBody(m => m
                    .AddText("title", "some title")
                    .AddBytes("raw", [1, 2, 3], "raw.bin")
                    .AddStream("stream", new GeneratedStream(100, (byte)'s'), "stream.dat", "text/plain")
                    .AddFile("file", path)
                    .AddBytes("unicode", "ü"u8.ToArray(), "résumé €.txt", "text")));

            using var doc = JsonDocument.Parse((string)response.Body!);
            var root = doc.RootElement;
            Assert.StartsWith("multipart/form-data; boundary=", root.GetProperty("contentType").GetString());
            Assert.Equal(["title=some title"], root.GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
            var files = root.GetProperty("files").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal("raw:raw.bin:application/octet-stream:\u0001\u0002\u0003", files[0]);
            Assert.Equal("stream:stream.dat:text/plain:" + new string('s', 100), files[1]);
            Assert.Equal($"file:{Path.GetFileName(path)}:text/plain:file content", files[2]);
            Assert.Equal("unicode:résumé €.txt:text/plain:ü", files[3]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MultipartBody_NonAsciiFileName_SendsAsciiFallbackAndFilenameStar()
    {
        var received = await PostAsync(r => r.MultipartBody(m => m.AddBytes("f", [65], "naïve \"x\".txt")));

        Assert.Contains("Content-Disposition: form-data; name=\"f\"; filename=\"naive %22x%22.txt\"; filename*=UTF-8''na%C3%AFve%20%22x%22.txt", received.BodyText);
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
