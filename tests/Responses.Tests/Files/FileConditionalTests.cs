using System.Net;
using System.Net.Http.Headers;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Net.Http.Headers;
using EntityTag = System.Net.Http.Headers.EntityTagHeaderValue;

namespace Herald.Responses.Tests.Files;

public sealed class FileConditionalTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private TestApp _app = null!;
    private EntityTag _etag = null!;
    private DateTimeOffset _lastModified;

    public async Task InitializeAsync()
    {
        var path = _dir.Write("doc.txt", "conditional body");
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        _app = await TestApp.StartAsync(a =>
        {
            a.MapMethods("/f", ["GET", "HEAD"], () => Respond.File(path, new FileResponseOptions { CacheControl = "max-age=30" }));
            a.MapPut("/f", () => Respond.File(path));
        });

        using var response = await _app.Client.GetAsync("/f");
        _etag = response.Headers.ETag!;
        _lastModified = response.Content.Headers.LastModified!.Value;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task File_IfNoneMatchCurrentTag_Returns304WithValidatorsAndNoBody()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfNoneMatch.Add(_etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(_etag, response.Headers.ETag);
        Assert.Equal(_lastModified, response.Content.Headers.LastModified);
        Assert.Equal("max-age=30", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_IfNoneMatchOtherTag_Returns200()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfNoneMatch.Add(new EntityTag("\"other\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("conditional body", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_IfNoneMatchWeakFormOfTag_Returns304()
    {
        // If-None-Match uses the weak comparison: W/"x" matches "x".
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"zzz\", W/" + _etag.Tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task File_IfNoneMatchStar_Returns304()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfNoneMatch.Add(EntityTag.Any));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task File_IfNoneMatchOnHead_Returns304()
    {
        using var response = await SendAsync(HttpMethod.Head, r => r.Headers.IfNoneMatch.Add(_etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task File_IfModifiedSinceLastModified_Returns304()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfModifiedSince = _lastModified);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task File_IfModifiedSinceEarlier_Returns200()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfModifiedSince = _lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfNoneMatchMissesButIfModifiedSinceHolds_Returns200()
    {
        // RFC 9110 section 13.2.2: If-Modified-Since is not evaluated when If-None-Match is present.
        using var response = await SendAsync(HttpMethod.Get, r =>
        {
            r.Headers.IfNoneMatch.Add(new EntityTag("\"old\""));
            r.Headers.IfModifiedSince = _lastModified;
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfMatchOtherTag_Returns412WithProblemDetails()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfMatch.Add(new EntityTag("\"stale\"")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_IfMatchCurrentTag_Returns200()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfMatch.Add(_etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfMatchStar_Returns200()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfMatch.Add(EntityTag.Any));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfMatchWeakTag_Returns412()
    {
        // If-Match uses the strong comparison: a weak tag never matches.
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.TryAddWithoutValidation("If-Match", "W/" + _etag.Tag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task File_IfMatchUnreadable_Returns412()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.TryAddWithoutValidation("If-Match", "not-a-quoted-tag"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task File_IfUnmodifiedSinceEarlier_Returns412()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfUnmodifiedSince = _lastModified.AddDays(-1));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task File_IfUnmodifiedSinceLastModified_Returns200()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.IfUnmodifiedSince = _lastModified);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfNoneMatchOnPut_Returns412()
    {
        using var response = await SendAsync(HttpMethod.Put, r => r.Headers.IfNoneMatch.Add(EntityTag.Any));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task File_InvalidIfModifiedSince_IsIgnored()
    {
        using var response = await SendAsync(HttpMethod.Get, r => r.Headers.TryAddWithoutValidation(HeaderNames.IfModifiedSince, "yesterday-ish"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(method, "/f");
        configure(request);
        return await _app.Client.SendAsync(request);
    }
}
