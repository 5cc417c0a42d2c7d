using System.Net;
using System.Net.Http.Headers;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Responses.Tests.Files;

public sealed class FileRangeTests : IAsyncLifetime
{
    private const int Length = 10_000;
    private readonly TempDirectory _dir = new();
    private readonly byte[] _bytes = TempDirectory.Pattern(Length);
    private readonly BodyRecorder _recorder = new();
    private TestApp _app = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _path = _dir.Write("data.txt", _bytes);
        var empty = _dir.Write("empty.txt", []);
        _app = await TestApp.StartAsync(a =>
        {
            _recorder.Install(a);
            a.MapMethods("/f", ["GET", "HEAD"], () => Respond.File(_path));
            a.MapPost("/f", () => Respond.File(_path));
            a.MapGet("/no-ranges", () => Respond.File(_path, new FileResponseOptions { EnableRangeProcessing = false }));
            a.MapGet("/weak", () => Respond.File(_path, new FileResponseOptions { WeakETag = true }));
            a.MapGet("/max4", () => Respond.File(_path, new FileResponseOptions { MaxRanges = 4 }));
            a.MapGet("/empty", () => Respond.File(empty));
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("bytes=0-499", 0, 499)]
    [InlineData("bytes=9500-", 9500, 9999)]
    [InlineData("bytes=-500", 9500, 9999)]
    [InlineData("bytes=-20000", 0, 9999)]
    [InlineData("bytes=9990-20000", 9990, 9999)]
    [InlineData("bytes=5000-5000", 5000, 5000)]
    [InlineData("BYTES=10-19", 10, 19)]
    [InlineData("bytes= 10-19 ", 10, 19)]
    [InlineData("bytes=20000-30000, 100-199", 100, 199)]
    [InlineData("bytes=0-99999999999999999999999", 0, 9999)]
    public async Task File_SingleRange_Returns206WithContentRange(string range, long start, long end)
    {
        using var response = await GetAsync("/f", range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {start}-{end}/{Length}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(end - start + 1, response.Content.Headers.ContentLength);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_bytes[(int)start..(int)(end + 1)], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_SeveralRanges_ReturnsMultipartByteranges()
    {
        using var response = await GetAsync("/f", "bytes=0-99,5000-5099,-100");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var parts = await ReadPartsAsync(response);
        Assert.Equal(3, parts.Count);
        AssertPart(parts[0], 0, 99);
        AssertPart(parts[1], 5000, 5099);
        AssertPart(parts[2], 9900, 9999);
    }

    [Fact]
    public async Task File_SeveralRangesOutOfOrder_KeepsRequestedOrder()
    {
        using var response = await GetAsync("/f", "bytes=8000-8009,100-109");

        var parts = await ReadPartsAsync(response);
        Assert.Equal(2, parts.Count);
        AssertPart(parts[0], 8000, 8009);
        AssertPart(parts[1], 100, 109);
    }

    [Fact]
    public async Task File_MultipartContentLength_MatchesBodySent()
    {
        using var response = await GetAsync("/f", "bytes=0-0,2000-2999,-1");

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var boundary = response.Content.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!;
        var text = System.Text.Encoding.Latin1.GetString(body);
        Assert.StartsWith($"--{boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-0/{Length}\r\n\r\n", text);
        Assert.EndsWith($"\r\n--{boundary}--\r\n", text);
    }

    [Fact]
    public async Task File_OverlappingRanges_CoalescesIntoOneRange()
    {
        using var response = await GetAsync("/f", "bytes=0-499,200-799,700-999");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 0-999/{Length}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(_bytes[..1000], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_RangesCloserThanPartOverhead_AreCoalesced()
    {
        // 10 bytes apart: sending the gap is cheaper than a second part's boundary and headers.
        using var response = await GetAsync("/f", "bytes=0-99,110-199,5000-5099");

        var parts = await ReadPartsAsync(response);
        Assert.Equal(2, parts.Count);
        AssertPart(parts[0], 0, 199);
        AssertPart(parts[1], 5000, 5099);
    }

    [Fact]
    public async Task File_ManyOverlappingRanges_SendsDataOnce()
    {
        var ranges = string.Join(',', Enumerable.Repeat("0-", 20));
        using var response = await GetAsync("/f", "bytes=" + ranges);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task File_HundredsOfTinyRanges_Returns200WithWholeFile()
    {
        var ranges = string.Join(',', Enumerable.Range(0, 300).Select(i => $"{i * 30}-{i * 30}"));
        using var response = await GetAsync("/f", "bytes=" + ranges);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_MoreRangesThanMaxRanges_Returns200()
    {
        using var atLimit = await GetAsync("/max4", "bytes=0-0,1000-1000,2000-2000,3000-3000");
        using var overLimit = await GetAsync("/max4", "bytes=0-0,1000-1000,2000-2000,3000-3000,4000-4000");

        Assert.Equal(HttpStatusCode.PartialContent, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overLimit.StatusCode);
    }

    [Theory]
    [InlineData("bytes=10000-")]
    [InlineData("bytes=10000-20000")]
    [InlineData("bytes=-0")]
    [InlineData("bytes=10000-10001,20000-")]
    public async Task File_UnsatisfiableRange_Returns416WithContentRange(string range)
    {
        using var response = await GetAsync("/f", range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{Length}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("10000 bytes", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("items=0-5")]
    [InlineData("garbage")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=")]
    [InlineData("bytes=,")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=0-5,garbage")]
    [InlineData("bytes=--5")]
    [InlineData("bytes=1-2-3")]
    [InlineData("bytes 0-5")]
    [InlineData("bytes=0 -5")]
    [InlineData("bytes=-")]
    [InlineData("bytes=+1-5")]
    [InlineData("=0-5")]
    public async Task File_MalformedRange_IgnoredAndReturns200(string range)
    {
        using var response = await GetAsync("/f", range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Length, response.Content.Headers.ContentLength);
        Assert.Equal(_bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_TwoRangeHeaders_IgnoredAndReturns200()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/f");
        request.Headers.TryAddWithoutValidation("Range", ["bytes=0-1", "bytes=5-6"]);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfRangeCurrentETag_Returns206()
    {
        var etag = await CurrentETagAsync("/f");
        using var response = await GetAsync("/f", "bytes=0-9", r => r.Headers.TryAddWithoutValidation("If-Range", etag.ToString()));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
    }

    [Fact]
    public async Task File_IfRangeOtherETag_Returns200WithWholeFile()
    {
        using var response = await GetAsync("/f", "bytes=0-9", r => r.Headers.TryAddWithoutValidation("If-Range", "\"changed\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_IfRangeWeakETag_Returns200()
    {
        // If-Range needs the strong comparison, which a weak tag never passes.
        var etag = await CurrentETagAsync("/weak");
        Assert.True(etag.IsWeak);

        using var response = await GetAsync("/weak", "bytes=0-9", r => r.Headers.TryAddWithoutValidation("If-Range", etag.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_IfRangeCurrentDate_Returns206()
    {
        using var head = await _app.Client.GetAsync("/f");
        var lastModified = head.Content.Headers.LastModified!.Value;

        using var response = await GetAsync("/f", "bytes=0-9", r => r.Headers.IfRange = new RangeConditionHeaderValue(lastModified));

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
    }

    [Fact]
    public async Task File_IfRangeOlderDate_Returns200()
    {
        using var head = await _app.Client.GetAsync("/f");
        var lastModified = head.Content.Headers.LastModified!.Value;

        using var response = await GetAsync("/f", "bytes=0-9", r => r.Headers.IfRange = new RangeConditionHeaderValue(lastModified.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task File_HeadWithRange_Returns206HeadersWithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/f");
        request.Headers.TryAddWithoutValidation("Range", "bytes=100-199");

        using var response = await _app.Client.SendAsync(request);
        var record = await _recorder.NextAsync("HEAD", "/f");
        await record.Completed;

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 100-199/{Length}", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(100, response.Content.Headers.ContentLength);

        // Kestrel drops a HEAD body on its own: what counts is that no range was sent to the body feature.
        Assert.Equal(0, record.SendFileCalls);
        Assert.Equal(0, record.BytesWritten);
    }

    [Fact]
    public async Task File_HeadWithSeveralRanges_SendsMultipartLengthWithoutBody()
    {
        using var get = await GetAsync("/f", "bytes=0-9,500-509");
        var getRecord = await _recorder.NextAsync("GET", "/f");
        await getRecord.Completed;
        using var request = new HttpRequestMessage(HttpMethod.Head, "/f");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9,500-509");

        using var head = await _app.Client.SendAsync(request);
        var headRecord = await _recorder.NextAsync("HEAD", "/f");
        await headRecord.Completed;

        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal("multipart/byteranges", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);

        // Kestrel drops a HEAD body on its own: what counts is that no part was written or sent to the body feature.
        Assert.True(getRecord.BytesWritten + getRecord.SendFileCalls > 0);
        Assert.Equal(0, headRecord.SendFileCalls);
        Assert.Equal(0, headRecord.BytesWritten);
    }

    [Fact]
    public async Task File_RangeOnPost_IsIgnored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/f");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task File_RangesDisabled_Returns200WithoutAcceptRanges()
    {
        using var response = await GetAsync("/no-ranges", "bytes=0-9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.AcceptRanges);
        Assert.Equal(Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task File_RangeOnEmptyFile_Returns200()
    {
        using var response = await GetAsync("/empty", "bytes=0-");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task File_TenMebibyteFile_ServesRangesExactly()
    {
        const int big = 10 * 1024 * 1024;
        var bytes = TempDirectory.Pattern(big);
        var path = _dir.Write("big.bin", bytes);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/big", () => Respond.File(path)));

        using var whole = await app.Client.GetAsync("/big", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(big, whole.Content.Headers.ContentLength);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());

        using var middle = await GetAsync(app, "/big", "bytes=4194304-6291455");
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal($"bytes 4194304-6291455/{big}", middle.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(bytes[4194304..6291456], await middle.Content.ReadAsByteArrayAsync());

        using var tail = await GetAsync(app, "/big", "bytes=-1048576");
        Assert.Equal(bytes[(big - 1048576)..], await tail.Content.ReadAsByteArrayAsync());

        using var several = await GetAsync(app, "/big", "bytes=0-65535,5242880-5308415,10485000-");
        var parts = await ReadPartsAsync(several);
        Assert.Equal(3, parts.Count);
        Assert.Equal(bytes[..65536], parts[0].Body);
        Assert.Equal(bytes[5242880..5308416], parts[1].Body);
        Assert.Equal(bytes[10485000..], parts[2].Body);
        Assert.Equal($"bytes 10485000-{big - 1}/{big}", parts[2].ContentRange);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string range, Action<HttpRequestMessage>? configure = null) =>
        GetAsync(_app, path, range, configure);

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string path, string range, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Range", range);
        configure?.Invoke(request);
        return await app.Client.SendAsync(request);
    }

    private async Task<EntityTagHeaderValue> CurrentETagAsync(string path)
    {
        using var response = await _app.Client.GetAsync(path);
        return response.Headers.ETag!;
    }

    private void AssertPart((string ContentType, string ContentRange, byte[] Body) part, int start, int end)
    {
        Assert.Equal("text/plain", part.ContentType);
        Assert.Equal($"bytes {start}-{end}/{Length}", part.ContentRange);
        Assert.Equal(_bytes[start..(end + 1)], part.Body);
    }

    /// <summary>Parses a multipart/byteranges body with the framework's own multipart reader.</summary>
    private static async Task<List<(string ContentType, string ContentRange, byte[] Body)>> ReadPartsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("multipart/byteranges", contentType.MediaType);
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!;
        Assert.False(response.Content.Headers.Contains("Content-Range"));

        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync()) { BodyLengthLimit = 16 * 1024 * 1024 };
        var parts = new List<(string, string, byte[])>();
        for (var i = 0; i < 100 && await reader.ReadNextSectionAsync() is { } section; i++)
        {
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            parts.Add((section.ContentType!, section.Headers!["Content-Range"].ToString(), body.ToArray()));
        }

        return parts;
    }
}
