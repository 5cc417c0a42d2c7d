using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Files;

/// <summary>Runs alone: the base-directory cache is process-wide, and other tests adding bases could empty it mid-test.</summary>
[CollectionDefinition(nameof(FileResolutionCacheCollection), DisableParallelization = true)]
public sealed class FileResolutionCacheCollection;

/// <summary>
/// What a file response works out once instead of on every request: the base directory's real path (for about a
/// second, by the app's clock, so a swapped link is followed soon after), and, for a result served again, the formatted
/// validators. Every traversal rule still applies per request (<see cref="FileTraversalTests"/>).
/// </summary>
[Collection(nameof(FileResolutionCacheCollection))]
public sealed class FileResolutionCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FileUnderBase_BaseLinkSwapped_FollowedOnceTheCachedBaseExpires()
    {
        // A deployment layout: "current" links to a release, and a deploy points it at the next one.
        _dir.Write("releases/1/public/app.css", "release one");
        _dir.Write("releases/2/public/app.css", "release two");
        var current = Path.Combine(_dir.Root, "current");
        Directory.CreateSymbolicLink(current, Path.Combine(_dir.Root, "releases", "1"));
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var baseDirectory = Path.Combine(current, "public");
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/assets/{**path}", (string path) => Respond.File(baseDirectory, path)),
            s => s.AddSingleton<TimeProvider>(clock));

        using var first = await app.Client.GetAsync("/assets/app.css");
        Directory.Delete(current);
        Directory.CreateSymbolicLink(current, Path.Combine(_dir.Root, "releases", "2"));
        using var cached = await app.Client.GetAsync("/assets/app.css");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var refreshed = await app.Client.GetAsync("/assets/app.css");

        Assert.Equal("release one", await first.Content.ReadAsStringAsync());
        // Resolved once: the swap is not seen while the resolved base is fresh...
        Assert.Equal("release one", await cached.Content.ReadAsStringAsync());
        // ...and is followed once it has expired.
        Assert.Equal("release two", await refreshed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FileUnderBase_AfterManyOtherBases_IsStillCached()
    {
        // Bases come and go (built from request data, or other apps in the process): a full cache must not stop the
        // next base from being cached.
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < 100; i++)
        {
            _dir.Write($"many/{i}/a.txt", "x");
        }

        _dir.Write("releases/1/a.txt", "release one");
        _dir.Write("releases/2/a.txt", "release two");
        var current = Path.Combine(_dir.Root, "current");
        Directory.CreateSymbolicLink(current, Path.Combine(_dir.Root, "releases", "1"));
        await using var app = await TestApp.StartAsync(
            a =>
            {
                a.MapGet("/many/{i}", (int i) => Respond.File(Path.Combine(_dir.Root, "many", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a.txt"));
                a.MapGet("/current", () => Respond.File(current, "a.txt"));
            },
            s => s.AddSingleton<TimeProvider>(clock));

        for (var i = 0; i < 100; i++)
        {
            using var other = await app.Client.GetAsync($"/many/{i}");
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var first = await app.Client.GetAsync("/current");
        Directory.Delete(current);
        Directory.CreateSymbolicLink(current, Path.Combine(_dir.Root, "releases", "2"));
        using var cached = await app.Client.GetAsync("/current");

        Assert.Equal("release one", await first.Content.ReadAsStringAsync());
        Assert.Equal("release one", await cached.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FileUnderBase_BaseRemovedAndRecreated_MissingThenServedWithoutWaiting()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var baseDirectory = Path.Combine(_dir.Root, "later");
        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/f", () => Respond.File(baseDirectory, "a.txt")),
            s => s.AddSingleton<TimeProvider>(clock));

        using var before = await app.Client.GetAsync("/f");
        _dir.Write("later/a.txt", "now here");
        using var after = await app.Client.GetAsync("/f");

        // A base that could not be resolved is not remembered.
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal("now here", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReusedResult_SameFile_FormatsValidatorsOnce()
    {
        var path = _dir.Write("logo.txt", "logo");
        var result = Respond.File(path);
        var services = new ServiceCollection().BuildServiceProvider();

        var first = await ExecuteAsync(result, services);
        var second = await ExecuteAsync(result, services);

        Assert.Equal(first.ETag, second.ETag);
        Assert.Same(first.ETag, second.ETag);
        Assert.Same(first.LastModified, second.LastModified);
    }

    [Fact]
    public async Task ReusedResult_FileRewritten_SendsNewValidators()
    {
        var path = _dir.Write("logo.txt", "logo");
        var result = Respond.File(path);
        await using var app = await TestApp.StartAsync(a => a.MapGet("/logo", () => result));

        using var before = await app.Client.GetAsync("/logo");
        File.WriteAllText(path, "a new, longer logo");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        using var after = await app.Client.GetAsync("/logo");

        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
        Assert.Equal("a new, longer logo", await after.Content.ReadAsStringAsync());
    }

    private static async Task<(string? ETag, string? LastModified)> ExecuteAsync(IResult result, IServiceProvider services)
    {
        // The result's own work, without a server: the headers it set are the strings it formatted.
        var httpContext = new DefaultHttpContext { RequestServices = services };
        httpContext.Request.Method = HttpMethods.Head;
        await result.ExecuteAsync(httpContext);
        Assert.Equal(StatusCodes.Status200OK, httpContext.Response.StatusCode);
        return (httpContext.Response.Headers.ETag.ToString(), httpContext.Response.Headers.LastModified.ToString());
    }
}
