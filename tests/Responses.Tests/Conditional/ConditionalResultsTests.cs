using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Conditional;

/// <summary>
/// Serves the same representation through every result type at <c>/{kind}</c> with an ETag and a Last-Modified, and
/// <c>/{kind}/missing</c> as a 404 carrying the same validators.
/// </summary>
public sealed class ConditionalApp : IAsyncLifetime
{
    public const string Body = "content";
    public static readonly DateTimeOffset Modified = new(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>How often each kind's body was produced (rendered or written by a callback).</summary>
    public ConcurrentDictionary<string, int> Produced { get; } = new();

    public TestApp App { get; private set; } = null!;

    public IResult Create(string kind, int status = 200, string etag = "7c876b7e")
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        void Count() => Produced.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return kind switch
        {
            "text" => Respond.Text(Body, statusCode: status, etag: etag, lastModified: Modified),
            "html" => Respond.Html(Body, status, etag, Modified),
            "html-builder" => Respond.Html(h => { Count(); h.Raw(Body); }, status, etag, Modified),
            "bytes" => Respond.Bytes(bytes, statusCode: status, etag: etag, lastModified: Modified),
            "stream" => Respond.Stream(async (s, ct) => { Count(); await s.WriteAsync(bytes, ct); }, statusCode: status, etag: etag, lastModified: Modified),
            "writer" => Respond.Writer(async (w, _) => { Count(); await w.WriteAsync(Body); }, statusCode: status, etag: etag, lastModified: Modified),
            "pipe" => Respond.Pipe(async (p, ct) => { Count(); await p.WriteAsync(bytes, ct); }, statusCode: status, etag: etag, lastModified: Modified),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public async Task InitializeAsync() => App = await TestApp.StartAsync(a =>
    {
        a.MapMethods("/{kind}", ["GET", "HEAD", "PUT"], (string kind) => Create(kind));
        a.MapGet("/{kind}/missing", (string kind) => Create(kind, status: 404));
        a.MapGet("/{kind}/weak", (string kind) => Create(kind, etag: "W/\"7c876b7e\""));
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ConditionalResultsTests(ConditionalApp fixture) : IClassFixture<ConditionalApp>
{
    private const string Tag = "\"7c876b7e\"";
    private const string ModifiedHttpDate = "Mon, 04 Mar 2024 05:06:07 GMT";

    private static string Expected(string kind) =>
        kind == "html-builder" ? $"<!DOCTYPE html><html>{ConditionalApp.Body}</html>" : ConditionalApp.Body;

    public static TheoryData<string> Kinds => ["text", "html", "html-builder", "bytes", "stream", "writer", "pipe"];

    private async Task<HttpResponseMessage> SendAsync(string path, params (string Name, string Value)[] headers) =>
        await SendAsync(HttpMethod.Get, path, headers);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await fixture.App.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Unconditional_Sends200WithValidators(string kind)
    {
        using var response = await SendAsync($"/{kind}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Tag, response.Headers.ETag?.ToString());
        Assert.Equal(ModifiedHttpDate, response.Content.Headers.NonValidated["Last-Modified"].ToString());
        Assert.Equal(Expected(kind), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfNoneMatch_Matching_Answers304WithoutProducingBody(string kind)
    {
        var before = fixture.Produced.GetValueOrDefault(kind);

        using var response = await SendAsync($"/{kind}", ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(Tag, response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, fixture.Produced.GetValueOrDefault(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfNoneMatch_ListOrWildcardOrWeak_Answers304(string kind)
    {
        using var list = await SendAsync($"/{kind}", ("If-None-Match", "\"other\", W/\"7c876b7e\""));
        using var any = await SendAsync($"/{kind}", ("If-None-Match", "*"));
        using var weak = await SendAsync($"/{kind}/weak", ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.NotModified, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, any.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal("W/" + Tag, weak.Headers.ETag?.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfNoneMatch_Different_Sends200(string kind)
    {
        using var response = await SendAsync($"/{kind}", ("If-None-Match", "\"something-else\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Expected(kind), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfMatch_Different_Answers412WithoutProducingBody(string kind)
    {
        var before = fixture.Produced.GetValueOrDefault(kind);

        using var response = await SendAsync($"/{kind}", ("If-Match", "\"stale\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, fixture.Produced.GetValueOrDefault(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfMatch_Matching_Sends200(string kind)
    {
        using var response = await SendAsync($"/{kind}", ("If-Match", Tag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Expected(kind), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfModifiedSince_NotModified_Answers304(string kind)
    {
        using var same = await SendAsync($"/{kind}", ("If-Modified-Since", ModifiedHttpDate));
        using var older = await SendAsync($"/{kind}", ("If-Modified-Since", "Sun, 03 Mar 2024 05:06:07 GMT"));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(Expected(kind), await older.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfUnmodifiedSince_Earlier_Answers412(string kind)
    {
        using var earlier = await SendAsync($"/{kind}", ("If-Unmodified-Since", "Sun, 03 Mar 2024 05:06:07 GMT"));
        using var same = await SendAsync($"/{kind}", ("If-Unmodified-Since", ModifiedHttpDate));

        Assert.Equal(HttpStatusCode.PreconditionFailed, earlier.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task IfNoneMatch_MatchingOnPut_Answers412(string kind)
    {
        using var response = await SendAsync(HttpMethod.Put, $"/{kind}", ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ErrorStatus_IgnoresPreconditionsButSendsValidators(string kind)
    {
        using var response = await SendAsync($"/{kind}/missing", ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Tag, response.Headers.ETag?.ToString());
        Assert.Equal(Expected(kind), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Head_Matching_Answers304(string kind)
    {
        using var response = await SendAsync(HttpMethod.Head, $"/{kind}", ("If-None-Match", Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public void Results_ExposeNormalisedValidators()
    {
        var text = Respond.Text("x", etag: "abc", lastModified: ConditionalApp.Modified);
        Assert.Equal("\"abc\"", text.ETag);
        Assert.Equal(ConditionalApp.Modified, text.LastModified);
        Assert.Equal("W/\"abc\"", Respond.Bytes([1], etag: "W/\"abc\"").ETag);
        Assert.Equal("\"abc\"", Respond.Html("x", etag: "\"abc\"").ETag);
        Assert.Equal("\"abc\"", Respond.Stream((_, _) => Task.CompletedTask, etag: "abc").ETag);
        Assert.Equal("\"abc\"", Respond.Writer((_, _) => Task.CompletedTask, etag: "abc").ETag);
        Assert.Equal("\"abc\"", Respond.Pipe((_, _) => Task.CompletedTask, etag: "abc").ETag);
        Assert.Null(Respond.Text("x").ETag);
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("with space")]
    [InlineData("line\r\nbreak")]
    [InlineData("nul\0")]
    [InlineData("")]
    public void InvalidEtag_ThrowsArgumentException(string etag)
    {
        Assert.Throws<ArgumentException>("etag", () => Respond.Text("x", etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Html("x", etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Html(_ => { }, etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Bytes([1], etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Stream((_, _) => Task.CompletedTask, etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Writer((_, _) => Task.CompletedTask, etag: etag));
        Assert.Throws<ArgumentException>("etag", () => Respond.Pipe((_, _) => Task.CompletedTask, etag: etag));
    }
}
