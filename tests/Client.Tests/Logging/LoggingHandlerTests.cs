using System.Net;
using System.Text;
using Herald.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Herald.Client.Tests.Logging;

public sealed class LoggingHandlerTests : IAsyncLifetime
{
    private static readonly string LongText = string.Concat(Enumerable.Repeat("0123456789", 1000));

    private readonly CapturingLogger _log = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/hello", () => Results.Text("hello there", "text/plain"));
            app.MapGet("/cookie", (HttpResponse r) =>
            {
                r.Headers.SetCookie = "session=server-secret-cookie; Path=/";
                r.Headers["X-Api-Key"] = "server-side-key";
                return Results.Text("ok");
            });
            app.MapGet("/long", () => Results.Text(LongText, "text/plain"));
            app.MapGet("/image", () => Results.Bytes(new byte[2048], "image/png"));
            app.MapGet("/json", () => Results.Json(new { name = "Zoë" }));
            app.MapGet("/gzip", (HttpResponse r) =>
            {
                r.Headers.ContentEncoding = "gzip";
                return Results.Bytes(Compress.Gzip(Encoding.UTF8.GetBytes(LongText)), "text/plain");
            });
            app.MapPost("/echo", async (HttpRequest r) =>
            {
                using var reader = new StreamReader(r.Body);
                return Results.Text(await reader.ReadToEndAsync(), "text/plain");
            });
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_InfoLevel_LogsOneStructuredLinePerCall()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Info);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("GET", entry.Values["Method"]);
        Assert.Equal(_server.Url("hello").AbsoluteUri, entry.Values["Url"]);
        Assert.Equal(200, entry.Values["StatusCode"]);
        Assert.IsType<double>(entry.Values["ElapsedMilliseconds"]);
        Assert.Equal("HTTP {Method} {Url} responded {StatusCode} in {ElapsedMilliseconds} ms", entry.Values["{OriginalFormat}"]);
        Assert.StartsWith($"HTTP GET {_server.Url("hello")} responded 200 in ", entry.Message);
    }

    [Fact]
    public async Task SendAsync_NoneLevel_LogsNothing()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.None);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task LogLevel_OnRequest_OverridesOptions()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.None);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello").LogLevel(ClientLogLevel.Headers));

        Assert.Equal(3, _log.Entries.Count);
        Assert.Contains(_log.Entries, e => e.Message.Contains("request HTTP/1.1 headers:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_HeadersLevel_LogsHeadersWithSecretsRedacted()
    {
        using var http = Pipeline.CreateHttpClient(Pipeline.Options(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Auth.BearerToken = "very-secret-token";
            o.Logging.Logger = _log;
            o.Logging.Level = ClientLogLevel.Headers;
            o.Logging.RedactedHeaders.Add("x-api-key");
        }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "cookie");
        request.Headers.TryAddWithoutValidation("Cookie", "mine=client-secret-cookie");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic cHJveHk6c2VjcmV0");
        request.Headers.TryAddWithoutValidation("X-Api-Key", "client-side-key");
        request.Headers.TryAddWithoutValidation("X-Visible", "shown");

        using var response = await http.SendAsync(request);

        var text = _log.Text;
        Assert.Contains("Authorization: [redacted]", text);
        Assert.Contains("Cookie: [redacted]", text);
        Assert.Contains("Proxy-Authorization: [redacted]", text);
        Assert.Contains("Set-Cookie: [redacted]", text);
        Assert.Contains("X-Api-Key: [redacted]", text);
        Assert.Contains("X-Visible: shown", text);
        Assert.Contains("Accept-Encoding: gzip, deflate, br", text);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", text);
        foreach (var secret in new[] { "very-secret-token", "client-secret-cookie", "server-secret-cookie", "cHJveHk6c2VjcmV0", "client-side-key", "server-side-key" })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task SendAsync_UserInfoInUrl_NeverReachesTheLog()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Headers);
        var url = $"http://alice:hunter2@127.0.0.1:{_server.Port}/hello";

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, url));

        // The client turns user-info into Authorization before any middleware runs; the log shows it redacted.
        Assert.All(_log.Entries, e => Assert.DoesNotContain("hunter2", e.Message));
        Assert.All(_log.Entries, e => Assert.DoesNotContain("YWxpY2U6aHVudGVyMg", e.Message));
        Assert.Contains($"http://127.0.0.1:{_server.Port}/hello", _log.Entries[0].Message);
        Assert.Contains("Authorization: [redacted]", _log.Entries[0].Message);
    }

    [Fact]
    public async Task SendAsync_UserInfoInMessageUrl_IsRedacted()
    {
        // A handler chain used without HeraldClient may still see user-info in the URL: the logger masks it.
        using var http = Pipeline.CreateHttpClient(Options(ClientLogLevel.Info));

        using var response = await http.GetAsync($"http://alice:hunter2@127.0.0.1:{_server.Port}/hello");

        Assert.All(_log.Entries, e => Assert.DoesNotContain("hunter2", e.Message));
        Assert.All(_log.Entries, e => Assert.DoesNotContain("alice", e.Message));
        Assert.Contains($"GET http://127.0.0.1:{_server.Port}/hello responded", _log.Entries[0].Message);
    }

    [Fact]
    public async Task SendAsync_QueryString_IsLoggedAsStarByDefault()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Headers);

        using var response = await client.GetAsync($"http://127.0.0.1:{_server.Port}/hello?access_token=SECRET123#frag");

        Assert.NotEmpty(_log.Entries);
        Assert.All(_log.Entries, e => Assert.DoesNotContain("SECRET123", e.Message));
        Assert.All(_log.Entries, e => Assert.DoesNotContain("frag", e.Message));
        Assert.Contains($"GET http://127.0.0.1:{_server.Port}/hello?* ", _log.Entries[0].Message);
    }

    [Fact]
    public async Task SendAsync_LogQueryStrings_LogsTheQuery()
    {
        using var client = Client(o => o.Logging.LogQueryStrings = true);

        using var response = await client.GetAsync($"http://127.0.0.1:{_server.Port}/hello?page=2");

        Assert.Contains($"GET http://127.0.0.1:{_server.Port}/hello?page=2 responded", _log.Entries[0].Message);
    }

    [Fact]
    public async Task SendAsync_BodyLevel_LogsTextBodiesBothWaysWithoutConsumingThem()
    {
        using var http = Pipeline.CreateHttpClient(Options(ClientLogLevel.Body));

        using var response = await http.PostAsync("echo", new StringContent("héllo body", Encoding.UTF8, "text/plain"));
        var received = await response.Content.ReadAsStringAsync();

        Assert.Equal("héllo body", received);
        Assert.Contains(_log.Entries, e => e.EventId.Id == 5 && e.Values["Body"] as string == "héllo body");
        Assert.Contains(_log.Entries, e => e.EventId.Id == 6 && e.Values["Body"] as string == "héllo body");
    }

    [Fact]
    public async Task SendAsync_BodyLevel_TeesAStreamBodyTheTransportStillSendsWhole()
    {
        using var http = Pipeline.CreateHttpClient(Options(ClientLogLevel.Body, o => o.Logging.MaxLoggedBodyBytes = 20));
        var content = new StreamContent(new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes(LongText))));
        content.Headers.ContentType = new("text/plain");

        using var response = await http.PostAsync("echo", content);

        Assert.Equal(LongText, await response.Content.ReadAsStringAsync());
        var requestBody = Assert.Single(_log.Entries, e => e.EventId.Id == 5);
        Assert.Equal($"{LongText[..20]}… [20 of {LongText.Length} bytes logged]", requestBody.Values["Body"]);
    }

    [Fact]
    public async Task SendAsync_LongResponse_IsLoggedUpToTheCapAndReadWhole()
    {
        using var client = Client(o =>
        {
            o.Logging.Level = ClientLogLevel.Body;
            o.Logging.MaxLoggedBodyBytes = 100;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "long"));
        var body = await response.Message.Content.ReadAsStringAsync();

        Assert.Equal(LongText, body);
        var logged = Assert.Single(_log.Entries, e => e.EventId.Id == 6);
        Assert.Equal($"{LongText[..100]}… [100 of {LongText.Length} bytes logged]", logged.Values["Body"]);
    }

    [Fact]
    public async Task SendAsync_BinaryResponse_IsDescribedBySize()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Body);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "image"));
        Assert.Equal(2048, (await response.Message.Content.ReadAsByteArrayAsync()).Length);

        var logged = Assert.Single(_log.Entries, e => e.EventId.Id == 6);
        Assert.Equal("[binary image/png, 2048 bytes]", logged.Values["Body"]);
    }

    [Fact]
    public async Task SendAsync_EncodedResponse_IsDescribedNotLoggedAsText()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Body);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "gzip"));
        Assert.Equal(LongText, await response.Message.Content.ReadAsStringAsync());

        var logged = Assert.Single(_log.Entries, e => e.EventId.Id == 6);
        var size = Compress.Gzip(Encoding.UTF8.GetBytes(LongText)).Length;
        Assert.Equal($"[gzip-encoded text/plain, {size} bytes]", logged.Values["Body"]);
    }

    [Fact]
    public async Task SendAsync_JsonResponse_IsLoggedAsText()
    {
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Body);

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "json"));
        await response.Message.Content.ReadAsStringAsync();

        var logged = Assert.Single(_log.Entries, e => e.EventId.Id == 6);
        Assert.Equal("{\"name\":\"Zoë\"}", logged.Values["Body"]);
    }

    [Fact]
    public async Task SendAsync_LoggerFactory_CreatesTheHeraldClientCategory()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.Logging.LoggerFactory = factory;
        });

        using var response = await client.SendAsync(new HeraldRequest(HttpMethod.Get, "hello"));

        Assert.Single(provider.Loggers[ClientLoggingOptions.CategoryName].Entries);
    }

    [Fact]
    public async Task SendAsync_TransportFailure_LogsAWarningAndRethrows()
    {
        var closedPort = ToolProcess.FreePort();
        using var client = Client(o => o.Logging.Level = ClientLogLevel.Info);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HeraldRequest(HttpMethod.Get, $"http://127.0.0.1:{closedPort}/")));

        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.IsType<HttpRequestException>(entry.Exception);
        Assert.Contains("failed after", entry.Message);
    }

    [Fact]
    public void Constructor_NegativeBodyCap_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Client(o => o.Logging.MaxLoggedBodyBytes = -1));

        Assert.Contains("MaxLoggedBodyBytes", ex.Message);
    }

    private HeraldClientOptions Options(ClientLogLevel level, Action<HeraldClientOptions>? configure = null) => Pipeline.Options(o =>
    {
        o.BaseAddress = _server.BaseAddress;
        o.Logging.Logger = _log;
        o.Logging.Level = level;
        configure?.Invoke(o);
    });

    private HeraldClient Client(Action<HeraldClientOptions> configure) => new(o =>
    {
        o.ThrowOnError = false; // these tests look at every status the middleware passes back
        o.BaseAddress = _server.BaseAddress;
        o.Logging.Logger = _log;
        configure(o);
    });
}
