using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Files;

public sealed class RespondFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("logo.png", "image/png")]
    [InlineData("data.json", "application/json")]
    [InlineData("page.html", "text/html")]
    [InlineData("archive.unknownext", "application/octet-stream")]
    [InlineData("no-extension", "application/octet-stream")]
    public async Task File_ContentTypeFromExtension_SetsContentType(string name, string expected)
    {
        var path = _dir.Write(name, "content");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task File_ExistingFile_SendsBytesWithLengthAndValidators()
    {
        var bytes = TempDirectory.Pattern(5000);
        var path = _dir.Write("data.bin", bytes);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(5000, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        var lastWrite = File.GetLastWriteTimeUtc(path);
        Assert.Equal(
            new DateTimeOffset(lastWrite.AddTicks(-(lastWrite.Ticks % TimeSpan.TicksPerSecond)), TimeSpan.Zero),
            response.Content.Headers.LastModified);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task File_SameFileTwice_SendsSameETag()
    {
        var path = _dir.Write("a.txt", "stable");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var first = await app.Client.GetAsync("/f");
        using var second = await app.Client.GetAsync("/f");

        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task File_FileRewritten_SendsNewETag()
    {
        var path = _dir.Write("a.txt", "version one");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));
        using var before = await app.Client.GetAsync("/f");

        File.WriteAllText(path, "version two, longer");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        using var after = await app.Client.GetAsync("/f");

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("version two, longer", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_Head_SendsSameHeadersWithoutBody()
    {
        var path = _dir.Write("doc.txt", TempDirectory.Pattern(1234));
        var recorder = new BodyRecorder();
        await using var app = await TestApp.StartAsync(a =>
        {
            recorder.Install(a);
            a.MapMethods("/f", ["GET", "HEAD"], () => Respond.File(path));
        });

        using var get = await app.Client.GetAsync("/f");
        var getRecord = await recorder.NextAsync("GET", "/f");
        await getRecord.Completed;
        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/f"));
        var headRecord = await recorder.NextAsync("HEAD", "/f");
        await headRecord.Completed;

        // Kestrel drops a HEAD body on its own: what counts is that the file was never sent to the body feature.
        Assert.Equal(1, getRecord.SendFileCalls);
        Assert.Equal(0, headRecord.SendFileCalls);
        Assert.Equal(0, headRecord.BytesWritten);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1234, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
        Assert.Equal(get.Headers.AcceptRanges, head.Headers.AcceptRanges);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_Missing_Returns404WithProblemDetails()
    {
        var path = Path.Combine(_dir.Root, "nope.txt");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("No file exists", problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(_dir.Root, await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task File_Directory_Returns404()
    {
        var path = _dir.CreateDirectory("folder.txt");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task File_MissingOnHead_Returns404WithoutBody()
    {
        var path = Path.Combine(_dir.Root, "nope.txt");
        var recorder = new BodyRecorder();
        await using var app = await TestApp.StartAsync(a =>
        {
            recorder.Install(a);
            a.MapMethods("/f", ["GET", "HEAD"], () => Respond.File(path));
        });

        using var get = await app.Client.GetAsync("/f");
        var getRecord = await recorder.NextAsync("GET", "/f");
        await getRecord.Completed;
        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/f"));
        var headRecord = await recorder.NextAsync("HEAD", "/f");
        await headRecord.Completed;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(getRecord.BytesWritten > 0);
        Assert.Equal(0, headRecord.BytesWritten);
    }

    [Fact]
    public async Task File_RelativePath_ResolvesAgainstContentRoot()
    {
        _dir.Write("assets/site.css", "body{}");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File("assets/site.css")), contentRoot: _dir.Root);

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_EmptyFile_Returns200WithZeroLength()
    {
        var path = _dir.Write("empty.txt", []);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task File_OptionsOverrideHeaders_SendsThem()
    {
        var path = _dir.Write("report.dat", "1,2,3");
        var lastModified = new DateTimeOffset(2024, 3, 1, 12, 30, 45, TimeSpan.Zero);
        var options = new FileResponseOptions
        {
            ContentType = "text/csv; charset=utf-8",
            ETag = "v42",
            LastModified = lastModified,
            CacheControl = "public, max-age=60",
        };
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path, options)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(new EntityTagHeaderValue("\"v42\""), response.Headers.ETag);
        Assert.Equal(lastModified, response.Content.Headers.LastModified);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task File_ValidatorsDisabled_SendsNeitherAndIgnoresConditions()
    {
        var path = _dir.Write("a.txt", "plain");
        var options = new FileResponseOptions { EnableETag = false, EnableLastModified = false };
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path, options)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/f");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task File_WeakETagOption_SendsWeakTag()
    {
        var path = _dir.Write("a.txt", "weak");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File(path, new FileResponseOptions { WeakETag = true })));

        using var response = await app.Client.GetAsync("/f");

        Assert.True(response.Headers.ETag?.IsWeak);
    }

    [Fact]
    public async Task File_LastWriteInFuture_ClampsLastModifiedToNow()
    {
        var path = _dir.Write("a.txt", "from the future");
        File.SetLastWriteTimeUtc(path, new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var now = new DateTimeOffset(2030, 6, 15, 8, 0, 0, TimeSpan.Zero);
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/f", () => Respond.File(path)),
            services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(now)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(now, response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task RespondFileAsync_FromHandler_SendsFile()
    {
        var path = _dir.Write("a.txt", "imperative");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", (HttpContext ctx) => ctx.RespondFileAsync(path)));

        using var response = await app.Client.GetAsync("/f");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("imperative", await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task RespondFileAsync_BaseDirectoryForm_SendsFileUnderBase()
    {
        _dir.Write("public/docs/readme.txt", "under base");
        var baseDir = Path.Combine(_dir.Root, "public");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/files/{**path}", (HttpContext ctx, string path) => ctx.RespondFileAsync(baseDir, path)));

        using var response = await app.Client.GetAsync("/files/docs/readme.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("under base", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RespondFileAsync_AfterResponseStarted_ThrowsInvalidOperationException()
    {
        var path = _dir.Write("a.txt", "never sent");
        var caught = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", async (HttpContext ctx) =>
        {
            await ctx.Response.WriteAsync("started;");
            await ctx.Response.Body.FlushAsync();
            try
            {
                await ctx.RespondFileAsync(path);
            }
            catch (Exception ex)
            {
                caught.TrySetResult(ex);
            }
        }));

        using var response = await app.Client.GetAsync("/f");
        var exception = await caught.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var invalid = Assert.IsType<InvalidOperationException>(exception);
        Assert.Contains("already started", invalid.Message);
        Assert.Equal("started;", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_ClientDisconnectsMidBody_StopsWithoutError()
    {
        // Sparse: a large file the client will not finish, without writing it to disk.
        var path = Path.Combine(_dir.Root, "huge.bin");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(1L << 32);
        }

        var finished = new TaskCompletionSource<(bool Aborted, Exception? Error)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/huge", async (HttpContext ctx) =>
        {
            try
            {
                await ctx.RespondFileAsync(path);
                finished.TrySetResult((ctx.RequestAborted.IsCancellationRequested, null));
            }
            catch (Exception ex)
            {
                finished.TrySetResult((ctx.RequestAborted.IsCancellationRequested, ex));
            }
        }));

        using (var client = app.CreateClient())
        using (var response = await client.GetAsync("/huge", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(1L << 32, response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[64 * 1024];
            var read = 0;
            for (var i = 0; i < 16 && read < buffer.Length; i++)
            {
                read += await body.ReadAsync(buffer.AsMemory(read));
            }

            Assert.True(read > 0);
        }

        // Disposing the response closed the connection mid-body: the send stops on RequestAborted, quietly.
        var (aborted, error) = await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(aborted);
        Assert.Null(error);
    }

    [Fact]
    public async Task RespondFileAsync_CancelledToken_StopsWithOperationCanceled()
    {
        var path = _dir.Write("a.txt", TempDirectory.Pattern(100_000));
        var caught = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", async (HttpContext ctx) =>
        {
            try
            {
                await ctx.RespondFileAsync(path, cancellationToken: new CancellationToken(canceled: true));
                caught.TrySetResult(null);
            }
            catch (Exception ex)
            {
                caught.TrySetResult(ex);
                ctx.Abort();
            }
        }));

        try
        {
            using var response = await app.Client.GetAsync("/f");
        }
        catch (HttpRequestException)
        {
            // The endpoint aborts the half-sent response; what the client sees of it does not matter here.
        }

        Assert.IsAssignableFrom<OperationCanceledException>(await caught.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task File_Endpoint_DescribesResponsesToOpenApi()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/f", () => Respond.File("/srv/a.txt")));

        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Single(e => e.DisplayName?.Contains("/f") == true);
        var statuses = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToArray();

        Assert.Equal([200, 206, 304, 404, 412, 416], statuses);
    }

    [Fact]
    public void File_InvalidArguments_ThrowWithClearMessages()
    {
        Assert.Throws<ArgumentNullException>(() => Respond.File(null!));
        Assert.Throws<ArgumentException>(() => Respond.File(""));
        Assert.Contains("NUL", Assert.Throws<ArgumentException>(() => Respond.File("a\0b.txt")).Message);
        Assert.Throws<ArgumentNullException>(() => Respond.File("/srv", (string)null!));
        Assert.Throws<ArgumentException>(() => Respond.File("", "a.txt"));
        Assert.Contains("media type", Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { ContentType = "not a type" })).Message);
        Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { ContentType = "text/plain\r\nX-Evil: 1" }));
        Assert.Contains("entity tag", Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { ETag = "a b" })).Message);
        Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { ETag = "caf\u00e9" }));
        Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { CacheControl = "no-cache\nX-Evil: 1" }));
        Assert.Contains("printable ASCII", Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { ContentType = "text/plain; x=\"a\u0001b\"" })).Message);
        Assert.Contains("printable ASCII", Assert.Throws<ArgumentException>(() => Respond.File("a.txt", new FileResponseOptions { CacheControl = "max-age=1\u0001" })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond.File("a.txt", new FileResponseOptions { MaxRanges = 0 }));
    }

    [Fact]
    public void File_Result_ExposesStatusContentTypeAndName()
    {
        var result = Respond.File("/srv/files/report.pdf", new FileResponseOptions { Disposition = FileDisposition.Inline });

        Assert.Equal(200, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal("application/pdf", ((IContentTypeHttpResult)result).ContentType);
        Assert.Equal("report.pdf", ((IFileHttpResult)result).FileDownloadName);
        Assert.Equal(FileDisposition.Inline, result.Disposition);
        Assert.True(result.EnableRangeProcessing);
    }
}
