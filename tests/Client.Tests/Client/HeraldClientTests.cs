using System.Text.Json;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Client.Tests.Client;

public sealed class HeraldClientTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private HeraldClient NewClient(Action<HeraldClientOptions>? configure = null) => new(o =>
    {
        o.BaseAddress = echo.BaseAddress;
        configure?.Invoke(o);
    });

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task VerbMethods_SendTheirMethod(string method)
    {
        using var client = NewClient();
        Func<string, Action<HeraldRequest>?, CancellationToken, Task<HeraldResponse>> send = method switch
        {
            "GET" => client.GetAsync,
            "POST" => client.PostAsync,
            "PUT" => client.PutAsync,
            "DELETE" => client.DeleteAsync,
            "PATCH" => client.PatchAsync,
            _ => client.OptionsAsync,
        };

        using var response = await send("echo/verb", null, default);

        var received = await response.ReadJsonAsync<Echo>();
        Assert.Equal(method, received!.Method);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task HeadAsync_SendsHead_AndBodyIsNull()
    {
        using var client = NewClient();

        using var response = await client.HeadAsync("echo/head");

        Assert.Equal(200, response.Status);
        Assert.Equal(HttpMethod.Head, response.Method);
        Assert.Null(response.Body);
        Assert.Equal(string.Empty, await response.ReadStringAsync());
    }

    [Theory]
    [InlineData("COPY")]
    [InlineData("MOVE")]
    [InlineData("PROPFIND")]
    public async Task SendAsync_MethodByName_SendsThatMethod(string method)
    {
        using var client = NewClient();

        using var response = await client.SendAsync(method, "echo/custom", r => r.Body("propfind body"));

        var received = await response.ReadJsonAsync<Echo>();
        Assert.Equal(method, received!.Method);
        Assert.Equal("propfind body", received.BodyText);
    }

    [Fact]
    public async Task SendAsync_HttpMethodAndRequestObject_BothWork()
    {
        using var client = NewClient();

        using var byMethod = await client.SendAsync(new HttpMethod("MKCOL"), "echo/a");
        using var byRequest = await client.SendAsync(new HeraldRequest("REPORT", "echo/b"));

        Assert.Equal("MKCOL", (await byMethod.ReadJsonAsync<Echo>())!.Method);
        Assert.Equal("REPORT", (await byRequest.ReadJsonAsync<Echo>())!.Method);
    }

    [Theory]
    [InlineData("CO PY")]
    [InlineData("GET\r\n")]
    [InlineData("")]
    public void SendAsync_InvalidMethodName_ThrowsArgumentException(string method)
    {
        using var client = NewClient();

        Assert.ThrowsAny<ArgumentException>(() => { _ = client.SendAsync(method, "echo/x"); });
    }

    [Fact]
    public async Task SendAsync_SameRequestTwice_SendsBothTimes()
    {
        using var client = NewClient();
        var request = new HeraldRequest(HttpMethod.Post, "echo/twice").Body("again").Query("n", 1);

        using var first = await client.SendAsync(request);
        using var second = await client.SendAsync(request);

        Assert.Equal("again", (await first.ReadJsonAsync<Echo>())!.BodyText);
        Assert.Equal("/echo/twice?n=1", (await second.ReadJsonAsync<Echo>())!.RawTarget);
    }

    [Fact]
    public async Task UserAgent_Default_IsHeraldWithVersion()
    {
        using var client = NewClient();

        using var response = await client.GetAsync("echo/ua");

        var userAgent = (await response.ReadJsonAsync<Echo>())!.Header("User-Agent");
        Assert.Equal(HeraldClientOptions.DefaultUserAgent, userAgent);
        Assert.Matches(@"^Herald/\d+\.\d+\.\d+", userAgent);
    }

    [Fact]
    public async Task UserAgent_CustomOrNullOrPerRequest_IsHonoured()
    {
        using var custom = NewClient(o => o.UserAgent = "my-app/2.0");
        using var none = NewClient(o => o.UserAgent = null);

        using var a = await custom.GetAsync("echo/ua");
        using var b = await none.GetAsync("echo/ua");
        using var c = await custom.GetAsync("echo/ua", r => r.Header("user-agent", "per-request/1"));

        Assert.Equal("my-app/2.0", (await a.ReadJsonAsync<Echo>())!.Header("User-Agent"));
        Assert.Null((await b.ReadJsonAsync<Echo>())!.Header("User-Agent"));
        Assert.Equal(["per-request/1"], (await c.ReadJsonAsync<Echo>())!.HeaderValues("User-Agent"));
    }

    [Fact]
    public async Task DefaultHeaders_AreSent_AndARequestHeaderOfTheSameNameReplacesThem()
    {
        using var client = NewClient(o => o.DefaultHeaders.Add("X-Tenant", "acme").Add("X-Trace", "t1").Add("X-Trace", "t2"));

        using var plain = await client.GetAsync("echo/h");
        using var overridden = await client.GetAsync("echo/h", r => r.Header("x-trace", "mine"));

        var a = (await plain.ReadJsonAsync<Echo>())!;
        var b = (await overridden.ReadJsonAsync<Echo>())!;
        Assert.Equal("acme", a.Header("X-Tenant"));
        // HTTP/1.1 sends repeated values as one comma-separated field (RFC 9110 §5.3), in order.
        Assert.Equal(["t1, t2"], a.HeaderValues("X-Trace"));
        Assert.Equal(["mine"], b.HeaderValues("X-Trace"));
        Assert.Equal("acme", b.Header("X-Tenant"));
    }

    [Fact]
    public async Task Options_ChangedAfterConstruction_DoNotAffectTheClient()
    {
        await using var other = await LoopbackServer.StartAsync(app => app.Map("/{**rest}", () => "other server"));
        var options = new HeraldClientOptions { BaseAddress = echo.BaseAddress, UserAgent = "before/1", ResponseBody = ResponseBodyKind.String };
        options.DefaultHeaders.Add("X-Version", "1");
        var json = new JsonSerializerOptions { PropertyNamingPolicy = null };
        options.JsonSerializerOptions = json;
        using var client = new HeraldClient(options);

        options.BaseAddress = other.BaseAddress;
        options.UserAgent = "after/2";
        options.DefaultHeaders.Set("X-Version", "2");
        options.ResponseBody = ResponseBodyKind.Bytes;
        options.ThrowOnError = false;
        options.Timeout = TimeSpan.FromTicks(1);
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        using var response = await client.PostAsync("echo/snapshot", r => r.JsonBody(new { SomeValue = 1 }));

        Assert.IsType<string>(response.Body);
        var received = (await response.ReadJsonAsync<Echo>(JsonSerializerOptions.Web))!;
        Assert.Equal("/echo/snapshot", received.Path);
        Assert.Equal("before/1", received.Header("User-Agent"));
        Assert.Equal("1", received.Header("X-Version"));
        Assert.Equal("{\"SomeValue\":1}", received.BodyText);
        Assert.Equal(echo.BaseAddress, client.BaseAddress);
        await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetAsync("nowhere"));
    }

    [Fact]
    public async Task Client_ManyParallelCalls_AllSucceedWithTheirOwnAnswers()
    {
        using var client = NewClient();

        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await client.GetAsync("echo/parallel", r => r.Query("i", i));
            return ((await response.ReadJsonAsync<Echo>())!.RawTarget, i);
        });
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.Equal($"/echo/parallel?i={r.i}", r.RawTarget));
    }

    [Fact]
    public async Task Dispose_ThenSend_ThrowsObjectDisposedException()
    {
        var client = NewClient();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync("echo/x"));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowWithTheirName()
    {
        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => new HeraldClient(o => o.Timeout = TimeSpan.Zero));
        Assert.Contains("HeraldClientOptions.Timeout", timeout.Message);

        var relative = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.BaseAddress = new Uri("/x", UriKind.Relative)));
        Assert.Contains("BaseAddress", relative.Message);

        var ftp = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.BaseAddress = new Uri("ftp://host/")));
        Assert.Contains("BaseAddress", ftp.Message);

        var userAgent = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.UserAgent = "bad\r\nX-Injected: 1"));
        Assert.Contains("CR, LF or NUL", userAgent.Message);

        var predicate = Assert.Throws<ArgumentException>(() => new HeraldClient(o => o.IsSuccessStatus = null!));
        Assert.Contains("IsSuccessStatus", predicate.Message);
    }

    [Fact]
    public void Constructor_InfiniteTimeout_IsAccepted()
    {
        using var client = new HeraldClient(o => o.Timeout = Timeout.InfiniteTimeSpan);

        Assert.Null(client.BaseAddress);
    }

    [Fact]
    public async Task TypedConveniences_GetPostPutJson_AndStringBytes()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/item/{id:int}", (int id) => Microsoft.AspNetCore.Http.Results.Json(new Item(id, "thing")));
            app.MapPost("/item", (Item item) => Microsoft.AspNetCore.Http.Results.Json(item with { Name = item.Name + "!" }));
            app.MapPut("/item", (Item item) => Microsoft.AspNetCore.Http.Results.Json(item with { Id = item.Id + 1 }));
            app.MapGet("/text", () => "plain text");
        });
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);

        var got = await client.GetJsonAsync<Item>("item/7");
        var gotGenerated = await client.GetJsonAsync("item/8", TestJsonContext.Default.Item);
        var posted = await client.PostJsonAsync<Item, Item>("item", new Item(1, "new"));
        var put = await client.PutJsonAsync<Item, Item>("item", new Item(1, "same"));
        var text = await client.GetStringAsync("text");
        var bytes = await client.GetBytesAsync("text");

        Assert.Equal(new Item(7, "thing"), got);
        Assert.Equal(new Item(8, "thing"), gotGenerated);
        Assert.Equal(new Item(1, "new!"), posted);
        Assert.Equal(new Item(2, "same"), put);
        Assert.Equal("plain text", text);
        Assert.Equal("plain text"u8.ToArray(), bytes);
    }

    [Fact]
    public async Task GetJsonAsync_ErrorStatus_Throws()
    {
        using var client = NewClient();

        await Assert.ThrowsAsync<HeraldHttpException>(() => client.GetJsonAsync<Item>("missing"));
    }
}

public sealed record Item(int Id, string Name);

[System.Text.Json.Serialization.JsonSerializable(typeof(Item))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
public sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
