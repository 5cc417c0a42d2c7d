using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Files;

/// <summary>
/// <c>Respond.File(baseDirectory, relativePath)</c> with hostile relative paths. Layout:
/// <c>public/</c> is the base; <c>secret/secret.txt</c> sits beside it and must never be served or opened.
/// </summary>
public sealed class FileTraversalTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly string _secretText = "TOP-SECRET-" + Guid.NewGuid().ToString("N");
    private TestApp _app = null!;
    private string _base = null!;
    private string _secretPath = null!;

    public async Task InitializeAsync()
    {
        _base = _dir.CreateDirectory("public");
        _dir.Write("public/ok.txt", "inside");
        _dir.Write("public/sub/nested.txt", "nested inside");
        _dir.Write("public/sub/inner link target.txt", "linked inside");
        _secretPath = _dir.Write("secret/secret.txt", _secretText);
        _dir.Write("public-sibling/other.txt", _secretText);

        File.CreateSymbolicLink(Path.Combine(_base, "link-out.txt"), Path.Combine("..", "secret", "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(_base, "link-out-abs.txt"), _secretPath);
        Directory.CreateSymbolicLink(Path.Combine(_base, "linkdir"), Path.Combine(_dir.Root, "secret"));
        Directory.CreateSymbolicLink(Path.Combine(_base, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_base, "sub", "upup"), Path.Combine("..", ".."));
        File.CreateSymbolicLink(Path.Combine(_base, "link-in.txt"), Path.Combine("sub", "inner link target.txt"));
        File.CreateSymbolicLink(Path.Combine(_base, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(_base, "loop-b"), "loop-a");
        File.CreateSymbolicLink(Path.Combine(_base, "dangling"), "nowhere.txt");
        Directory.CreateSymbolicLink(Path.Combine(_dir.Root, "public-link"), _base);

        // A prefix trap: "public-sibling" starts with "public" but is not inside it.
        File.CreateSymbolicLink(Path.Combine(_base, "sibling.txt"), Path.Combine(_dir.Root, "public-sibling", "other.txt"));

        var viaLink = Path.Combine(_dir.Root, "public-link");
        _app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/raw/{**path}", (string? path) => Respond.File(_base, path ?? ""));
            a.MapGet("/decoded/{**path}", (string? path) => Respond.File(_base, Uri.UnescapeDataString(path ?? "")));
            a.MapGet("/query", (HttpContext ctx) => Respond.File(_base, ctx.Request.Query["path"].ToString()));
            a.MapGet("/via-link/{**path}", (string? path) => Respond.File(viaLink, path ?? ""));
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>Dot segments, literal or encoded: the server removes them before routing, so routing answers 404.</summary>
    public static TheoryData<string> TargetsNormalizedByServer => new()
    {
        "../secret/secret.txt",
        "%2e%2e/secret/secret.txt",
        "sub/%2e%2e/%2e%2e/secret/secret.txt",
    };

    /// <summary>Targets that reach the endpoint, which must answer its own 404.</summary>
    public static TheoryData<string> HostileTargets => new()
    {
        "%2e%2e%2fsecret%2fsecret.txt",
        "%2E%2E%2Fsecret%2Fsecret.txt",
        "..%2fsecret%2fsecret.txt",
        "sub/..%2f..%2fsecret%2fsecret.txt",
        "%252e%252e%252fsecret%252fsecret.txt",
        "..%5csecret%5csecret.txt",
        "..\\secret\\secret.txt",
        "%2fetc%2fpasswd",
        "/etc/passwd",
        "C:%5cWindows%5cwin.ini",
        "C:/Windows/win.ini",
        "link-out.txt",
        "link-out-abs.txt",
        "linkdir/secret.txt",
        "sub/upup/secret/secret.txt",
        "sub/up/../secret/secret.txt",
        "sibling.txt",
        "loop-a",
        "dangling",
        "sub",
        "sub/",
        "",
        "missing.txt",
    };

    [Theory]
    [MemberData(nameof(TargetsNormalizedByServer))]
    public async Task File_DotSegmentsInTarget_Return404(string target)
    {
        await AssertNotServedAsync("/raw/" + target, expectEndpoint: false);
        await AssertNotServedAsync("/decoded/" + target, expectEndpoint: false);
    }

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task File_HostileRouteValuePassedRaw_Returns404(string target)
    {
        await AssertNotServedAsync("/raw/" + target);
    }

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task File_HostileRouteValuePassedDecoded_Returns404(string target)
    {
        await AssertNotServedAsync("/decoded/" + target);
    }

    [Theory]
    [InlineData("../secret/secret.txt")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("sub/../../secret/secret.txt")]
    [InlineData("..\\secret\\secret.txt")]
    [InlineData("sub\\..\\ok.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("//etc/passwd")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("C:secret.txt")]
    [InlineData("\\\\server\\share\\secret.txt")]
    [InlineData("ok.txt\0.png")]
    [InlineData("\0")]
    [InlineData("link-out.txt")]
    [InlineData("linkdir/secret.txt")]
    [InlineData("sub/upup/secret/secret.txt")]
    public async Task File_HostileQueryValue_Returns404(string relativePath)
    {
        await AssertNotServedAsync("/query?path=" + Uri.EscapeDataString(relativePath));
    }

    [Fact]
    public async Task File_NulInRequestPath_IsRejectedBeforeTheEndpoint()
    {
        // The server refuses a decoded NUL in the path itself; /query above shows the endpoint's own 404 for NUL.
        var (status, raw) = await RawHttp.GetAsync(_app.BaseAddress, "/raw/ok.txt%00.png");

        Assert.Equal(400, status);
        Assert.DoesNotContain("inside", raw);
    }

    [Fact]
    public async Task File_AbsolutePathOfFileOutsideBase_Returns404()
    {
        await AssertNotServedAsync("/query?path=" + Uri.EscapeDataString(_secretPath));
    }

    [Fact]
    public async Task File_SymlinkOutside_NeverOpensTarget()
    {
        // Hold the target exclusively: any attempt to open it (for reading or sending) fails with a sharing violation,
        // which would surface as a 500 or an aborted response instead of this clean 404.
        await using var exclusive = new FileStream(_secretPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        foreach (var target in new[] { "/raw/link-out.txt", "/raw/link-out-abs.txt", "/raw/linkdir/secret.txt", "/raw/sub/upup/secret/secret.txt" })
        {
            var (status, raw) = await RawHttp.GetAsync(_app.BaseAddress, target);

            Assert.Equal(404, status);
            Assert.Contains("No file exists at the requested path.", raw);
        }
    }

    [Theory]
    [InlineData("/raw/ok.txt", "inside")]
    [InlineData("/raw/sub/nested.txt", "nested inside")]
    [InlineData("/raw/sub/inner%20link%20target.txt", "linked inside")]
    [InlineData("/raw/link-in.txt", "linked inside")]
    [InlineData("/raw/sub/up/ok.txt", "inside")]
    [InlineData("/raw/./ok.txt", "inside")]
    [InlineData("/raw/sub/../ok.txt", "inside")]
    [InlineData("/via-link/ok.txt", "inside")]
    [InlineData("/via-link/link-in.txt", "linked inside")]
    public async Task File_PathInsideBase_Returns200(string target, string expected)
    {
        var (status, raw) = await RawHttp.GetAsync(_app.BaseAddress, target);

        Assert.Equal(200, status);
        Assert.EndsWith("\r\n\r\n" + expected, raw);
    }

    [Fact]
    public async Task File_BaseIsFileSystemRoot_ServesFilesBelowIt()
    {
        var root = Path.GetPathRoot(_base)!;
        var relative = Path.GetRelativePath(root, Path.Combine(_base, "ok.txt")).Replace('\\', '/');
        await using var app = await TestApp.StartAsync(a => a.MapGet("/root", () => Respond.File(root, relative)));

        using var response = await app.Client.GetAsync("/root");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inside", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_SymlinkOutsideThroughLinkedBase_Returns404()
    {
        await AssertNotServedAsync("/via-link/link-out.txt");
    }

    [Fact]
    public async Task File_HostilePath_ReturnsSame404AsMissingFile()
    {
        using var missing = await _app.Client.GetAsync("/raw/missing.txt");
        using var hostile = await _app.Client.GetAsync("/query?path=" + Uri.EscapeDataString("../secret/secret.txt"));

        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
        Assert.Equal(
            (await missing.Content.ReadAsStringAsync()).Split("\"traceId\"")[0],
            (await hostile.Content.ReadAsStringAsync()).Split("\"traceId\"")[0]);
    }

    private async Task AssertNotServedAsync(string target, bool expectEndpoint = true)
    {
        var (status, raw) = await RawHttp.GetAsync(_app.BaseAddress, target);

        Assert.Equal(404, status);
        if (expectEndpoint)
        {
            // The endpoint ran and refused the path itself (its problem details), rather than routing missing it.
            Assert.Contains("No file exists at the requested path.", raw);
        }

        Assert.DoesNotContain(_secretText, raw);
        Assert.DoesNotContain("root:x:0", raw);
    }
}
