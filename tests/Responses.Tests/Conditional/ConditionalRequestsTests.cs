using System.Net;
using System.Text;
using Herald.Responses.Tests.Files;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EntityTag = System.Net.Http.Headers.EntityTagHeaderValue;

namespace Herald.Responses.Tests.Conditional;

public sealed class ConditionalRequestsTests
{
    private const string Tag = "\"7c876b7e\"";
    private static readonly DateTimeOffset s_lastModified = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task WithConditionalRequests_TextWithMatchingIfNoneMatch_Returns304KeepingOtherHeaders()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            ctx.Response.Headers["Custom-Header"] = "Some value";
            return Results.Text("Hello, conditional world!");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/etag", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(new EntityTag(Tag), response.Headers.ETag);
        Assert.Equal("Some value", response.Headers.GetValues("Custom-Header").Single());
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_SwallowedBodies_LeaveNoServerErrors()
    {
        var log = new ErrorLogCollector();
        await using (var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/text", (HttpContext ctx) =>
                {
                    ctx.Response.Headers.ETag = Tag;
                    return Results.Text("sized body");
                }).WithConditionalRequests();
                a.MapGet("/stream", async (HttpContext ctx) =>
                {
                    ctx.Response.Headers.ETag = Tag;
                    ctx.Response.ContentLength = 12;
                    await ctx.Response.WriteAsync("twelve bytes");
                }).WithConditionalRequests();
            },
            services => services.AddLogging(b => b.AddProvider(log))))
        {
            foreach (var path in new[] { "/text", "/stream" })
            {
                using var notModified = await GetAsync(app, path, r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
                using var failed = await GetAsync(app, path, r => r.Headers.IfMatch.Add(new EntityTag("\"stale\"")));
                Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
            }

            // The connection stays usable after the swallowed bodies: framing was right.
            using var after = await app.Client.GetAsync("/text");
            Assert.Equal("sized body", await after.Content.ReadAsStringAsync());
        }

        Assert.Empty(log.Entries);
    }

    [Fact]
    public async Task WithConditionalRequests_NoConditionalHeader_LeavesResponseUntouched()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("Hello");
        }).WithConditionalRequests());

        using var response = await app.Client.GetAsync("/etag");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Equal("Hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_IfNoneMatchOtherTag_Returns200WithBody()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("fresh");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/etag", r => r.Headers.IfNoneMatch.Add(new EntityTag("\"older\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fresh", await response.Content.ReadAsStringAsync());
        Assert.Equal(5, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task WithConditionalRequests_Bytes_Returns304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/bytes", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Bytes(new byte[] { 1, 2, 3, 4 }, "application/octet-stream");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/bytes", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_StreamedThroughBodyStream_Returns304AndEndpointCompletes()
    {
        var completed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/stream", async (HttpContext ctx) =>
        {
            try
            {
                ctx.Response.Headers.ETag = Tag;
                ctx.Response.ContentType = "text/plain";
                for (var i = 0; i < 5; i++)
                {
                    await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"chunk {i}\n"));
                    await ctx.Response.Body.FlushAsync();
                }

                completed.TrySetResult(null);
            }
            catch (Exception ex)
            {
                completed.TrySetResult(ex);
                throw;
            }
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/stream", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(await completed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task WithConditionalRequests_StreamedThroughBodyWriter_Returns304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/pipe", async (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            var writer = ctx.Response.BodyWriter;
            for (var i = 0; i < 3; i++)
            {
                var span = writer.GetSpan(8192);
                span[..8192].Fill((byte)'x');
                writer.Advance(8192);
                await writer.FlushAsync();
            }
        }).WithConditionalRequests());

        using var matching = await GetAsync(app, "/pipe", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
        using var plain = await app.Client.GetAsync("/pipe");

        Assert.Equal(HttpStatusCode.NotModified, matching.StatusCode);
        Assert.Empty(await matching.Content.ReadAsByteArrayAsync());
        Assert.Equal(3 * 8192, (await plain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task WithConditionalRequests_StreamedWithOtherTag_SendsWholeBody()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/stream", async (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            await ctx.Response.WriteAsync("part one;");
            await ctx.Response.Body.FlushAsync();
            await ctx.Response.WriteAsync("part two");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/stream", r => r.Headers.IfNoneMatch.Add(new EntityTag("\"other\"")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("part one;part two", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_Head_Returns304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapMethods("/etag", ["GET", "HEAD"], (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("body for GET");
        }).WithConditionalRequests());

        using var matching = await SendAsync(app, HttpMethod.Head, "/etag", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
        using var other = await SendAsync(app, HttpMethod.Head, "/etag", r => r.Headers.IfNoneMatch.Add(new EntityTag("\"x\"")));

        Assert.Equal(HttpStatusCode.NotModified, matching.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(12, other.Content.Headers.ContentLength);
        Assert.Empty(await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_NotFoundWithETag_KeepsStatusAndBody()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/gone", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.NotFound("no such thing");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/gone", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("\"no such thing\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_IfMatchOtherTag_Returns412WithoutBody()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("current");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/etag", r => r.Headers.IfMatch.Add(new EntityTag("\"stale\"")));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_IfMatchCurrentTag_Returns200()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("current");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/etag", r => r.Headers.IfMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("current", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_WeakResponseTag_MatchesIfNoneMatchButNotIfMatch()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/weak", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = "W/\"v1\"";
            return Results.Text("weakly tagged");
        }).WithConditionalRequests());

        using var notModified = await GetAsync(app, "/weak", r => r.Headers.IfNoneMatch.Add(new EntityTag("\"v1\"")));
        using var failed = await GetAsync(app, "/weak", r => r.Headers.IfMatch.Add(new EntityTag("\"v1\"")));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
    }

    [Fact]
    public async Task WithConditionalRequests_LastModified_AnswersIfModifiedSinceAndIfUnmodifiedSince()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/dated", (HttpContext ctx) =>
        {
            ctx.Response.GetTypedHeaders().LastModified = s_lastModified;
            return Results.Text("dated");
        }).WithConditionalRequests());

        using var notModified = await GetAsync(app, "/dated", r => r.Headers.IfModifiedSince = s_lastModified);
        using var modified = await GetAsync(app, "/dated", r => r.Headers.IfModifiedSince = s_lastModified.AddSeconds(-1));
        using var failed = await GetAsync(app, "/dated", r => r.Headers.IfUnmodifiedSince = s_lastModified.AddDays(-1));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal("dated", await modified.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
    }

    [Fact]
    public async Task WithConditionalRequests_ETagSetWhenResponseStarts_Returns304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/late", (HttpContext ctx) =>
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers.ETag = Tag;
                return Task.CompletedTask;
            });
            return Results.Text("tagged at the last moment");
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/late", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task WithConditionalRequests_EndpointReturningString_Returns304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/s", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return "plain string";
        }).WithConditionalRequests());

        using var response = await GetAsync(app, "/s", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task WithConditionalRequests_PostWithFailingIfMatch_IsLeftToTheEndpoint()
    {
        var handled = 0;
        await using var app = await TestApp.StartAsync(a => a.MapPost("/update", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref handled);
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("updated");
        }).WithConditionalRequests());

        using var response = await SendAsync(app, HttpMethod.Post, "/update", r => r.Headers.IfMatch.Add(new EntityTag("\"stale\"")));

        // The endpoint has already acted; turning its answer into 412 now would misreport what happened.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task WithConditionalRequests_OnGroup_AppliesToEveryEndpoint()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            var group = a.MapGroup("/api").WithConditionalRequests();
            group.MapGet("/one", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ETag = Tag;
                return Results.Text("one");
            });
            group.MapGet("/two", async (HttpContext ctx) =>
            {
                ctx.Response.Headers.ETag = Tag;
                await ctx.Response.WriteAsync("two");
            });
        });

        using var one = await GetAsync(app, "/api/one", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
        using var two = await GetAsync(app, "/api/two", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.NotModified, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, two.StatusCode);
    }

    [Fact]
    public async Task WithoutConditionalRequests_ETagAlone_DoesNotAnswer304()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/etag", (HttpContext ctx) =>
        {
            ctx.Response.Headers.ETag = Tag;
            return Results.Text("plain framework behaviour");
        }));

        using var response = await GetAsync(app, "/etag", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UseConditionalRequests_Middleware_AppliesToAllEndpoints()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.UseConditionalRequests();
            a.MapGet("/text", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ETag = Tag;
                return Results.Text("text");
            });
            a.MapGet("/stream", async (HttpContext ctx) =>
            {
                ctx.Response.GetTypedHeaders().LastModified = s_lastModified;
                await ctx.Response.WriteAsync("streamed");
                await ctx.Response.Body.FlushAsync();
            });
        });

        using var text = await GetAsync(app, "/text", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
        using var stream = await GetAsync(app, "/stream", r => r.Headers.IfModifiedSince = s_lastModified);
        using var fresh = await GetAsync(app, "/stream", r => r.Headers.IfModifiedSince = s_lastModified.AddHours(-1));

        Assert.Equal(HttpStatusCode.NotModified, text.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, stream.StatusCode);
        Assert.Equal("streamed", await fresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UseConditionalRequests_WithFilterToo_Returns304Once()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.UseConditionalRequests();
            a.MapGet("/both", (HttpContext ctx) =>
            {
                ctx.Response.Headers.ETag = Tag;
                return Results.Text("both");
            }).WithConditionalRequests();
        });

        using var matching = await GetAsync(app, "/both", r => r.Headers.IfNoneMatch.Add(new EntityTag(Tag)));
        using var other = await GetAsync(app, "/both", r => r.Headers.IfNoneMatch.Add(new EntityTag("\"x\"")));

        Assert.Equal(HttpStatusCode.NotModified, matching.StatusCode);
        Assert.Equal("both", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithConditionalRequests_FileResult_KeepsRangeAnswers()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("file.txt", "0123456789");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/file", () => Respond.File(path)).WithConditionalRequests());
        using var first = await app.Client.GetAsync("/file");

        using var range = await GetAsync(app, "/file", r =>
        {
            r.Headers.TryAddWithoutValidation("Range", "bytes=2-4");
            r.Headers.IfMatch.Add(first.Headers.ETag!);
        });

        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal("234", await range.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> GetAsync(TestApp app, string path, Action<HttpRequestMessage> configure) =>
        SendAsync(app, HttpMethod.Get, path, configure);

    private static async Task<HttpResponseMessage> SendAsync(TestApp app, HttpMethod method, string path, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(method, path);
        configure(request);
        return await app.Client.SendAsync(request);
    }
}
