using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Files;

public sealed class DownloadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Download_AsciiName_SendsAttachmentWithPlainFilename()
    {
        var path = _dir.Write("stored.bin", "payload");

        var disposition = await DispositionAsync(() => Respond.Download(path, "report.pdf"));

        Assert.Equal("attachment; filename=\"report.pdf\"", disposition);
    }

    [Fact]
    public async Task Download_NoName_UsesFileName()
    {
        var path = _dir.Write("herald-logo.png", "png");

        var disposition = await DispositionAsync(() => Respond.Download(path));

        Assert.Equal("attachment; filename=\"herald-logo.png\"", disposition);
    }

    [Theory]
    [InlineData("naïve café.pdf", "na_ve caf_.pdf", "na%C3%AFve%20caf%C3%A9.pdf")]
    [InlineData("日本語.txt", "___.txt", "%E6%97%A5%E6%9C%AC%E8%AA%9E.txt")]
    [InlineData("smile \U0001F600.txt", "smile __.txt", "smile%20%F0%9F%98%80.txt")]
    public async Task Download_NonAsciiName_SendsAsciiFallbackAndUtf8Name(string name, string fallback, string encoded)
    {
        var path = _dir.Write("stored.bin", "payload");

        var disposition = await DispositionAsync(() => Respond.Download(path, name));

        Assert.Equal($"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}", disposition);
    }

    [Fact]
    public async Task Download_NonAsciiName_RoundTripsThroughClientParser()
    {
        var path = _dir.Write("stored.bin", "payload");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/d", () => Respond.Download(path, "Jahresbericht 2024 – Übersicht.pdf")));

        using var response = await app.Client.GetAsync("/d");

        var header = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", header.DispositionType);
        Assert.Equal("Jahresbericht 2024 – Übersicht.pdf", header.FileNameStar);
        Assert.Equal("Jahresbericht 2024 _ _bersicht.pdf", header.FileName);
        Assert.Equal("payload", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("say \"hi\".txt", "say _hi_.txt", "say%20%22hi%22.txt")]
    [InlineData("back\\slash.txt", "back_slash.txt", "back%5Cslash.txt")]
    [InlineData("tab\there.txt", "tab_here.txt", "tab%09here.txt")]
    public async Task Download_NameWithQuotesOrControls_SendsSafeFallback(string name, string fallback, string encoded)
    {
        var path = _dir.Write("stored.bin", "payload");

        var disposition = await DispositionAsync(() => Respond.Download(path, name));

        Assert.Equal($"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}", disposition);
    }

    [Theory]
    [InlineData("report%41.pdf", "report_41.pdf", "report%2541.pdf")]
    [InlineData("%E2%82%AC rates.csv", "_E2_82_AC rates.csv", "%25E2%2582%25AC%20rates.csv")]
    [InlineData("100%ff.txt", "100_ff.txt", "100%25ff.txt")]
    public async Task Download_AsciiNameWithPercentEscape_SendsNeutralFallbackAndExactUtf8Name(string name, string fallback, string encoded)
    {
        // Some browsers percent-decode filename="...", which would save "report%41.pdf" as "reportA.pdf": the fallback
        // loses the escape and filename*, which every browser reads literally, carries the exact name.
        var path = _dir.Write("stored.bin", "payload");

        var disposition = await DispositionAsync(() => Respond.Download(path, name));

        Assert.Equal($"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}", disposition);
    }

    [Theory]
    [InlineData("50% off.txt")]
    [InlineData("100%.txt")]
    [InlineData("a%zz.txt")]
    public async Task Download_PercentWithoutHexDigits_SendsNameAlone(string name)
    {
        var path = _dir.Write("stored.bin", "payload");

        var disposition = await DispositionAsync(() => Respond.Download(path, name));

        Assert.Equal($"attachment; filename=\"{name}\"", disposition);
    }

    [Theory]
    [InlineData("evil\r\nSet-Cookie: a=b.txt")]
    [InlineData("evil\n.txt")]
    [InlineData("nul\0.txt")]
    public void Download_NameWithCrLfOrNul_ThrowsArgumentException(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => Respond.Download("/srv/file.txt", name));

        Assert.Equal("downloadName", exception.ParamName);
        Assert.Contains("CR, LF or NUL", exception.Message);
    }

    [Fact]
    public void Download_EmptyName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Respond.Download("/srv/file.txt", ""));
        Assert.Throws<ArgumentException>(() => Respond.File("/srv/file.txt", new FileResponseOptions { DownloadName = "a\r\nb" }));
    }

    [Fact]
    public async Task File_InlineDisposition_SendsInlineWithFileName()
    {
        var path = _dir.Write("manual.pdf", "%PDF");

        var disposition = await DispositionAsync(() => Respond.File(path, new FileResponseOptions { Disposition = FileDisposition.Inline }));

        Assert.Equal("inline; filename=\"manual.pdf\"", disposition);
    }

    [Fact]
    public async Task File_InlineWithDownloadName_SendsThatName()
    {
        var path = _dir.Write("x1.pdf", "%PDF");

        var disposition = await DispositionAsync(() => Respond.File(path, new FileResponseOptions { Disposition = FileDisposition.Inline, DownloadName = "Résumé.pdf" }));

        Assert.Equal("inline; filename=\"R_sum_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf", disposition);
    }

    [Fact]
    public async Task File_AttachmentOption_SendsAttachment()
    {
        var path = _dir.Write("data.csv", "a,b");

        var disposition = await DispositionAsync(() => Respond.File(path, new FileResponseOptions { Disposition = FileDisposition.Attachment }));

        Assert.Equal("attachment; filename=\"data.csv\"", disposition);
    }

    [Fact]
    public async Task Download_OptionsAskInline_StillSendsAttachment()
    {
        var path = _dir.Write("data.csv", "a,b");

        var disposition = await DispositionAsync(() => Respond.Download(path, "export.csv", new FileResponseOptions { Disposition = FileDisposition.Inline }));

        Assert.Equal("attachment; filename=\"export.csv\"", disposition);
    }

    [Fact]
    public async Task File_BaseDirectoryFormWithHostileName_KeepsHeaderSafe()
    {
        // The default name comes from the request; a file really named with a quote must not break the header.
        _dir.Write("public/we\"ird.txt", "odd");
        var baseDir = Path.Combine(_dir.Root, "public");
        var options = new FileResponseOptions { Disposition = FileDisposition.Attachment };
        await using var app = await TestApp.StartAsync(a => a.MapGet("/files/{**path}", (string path) => Respond.File(baseDir, path, options)));

        using var response = await app.Client.GetAsync("/files/we%22ird.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"we_ird.txt\"; filename*=UTF-8''we%22ird.txt", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task Download_WithRange_ResumesWithDisposition()
    {
        var path = _dir.Write("big.bin", TempDirectory.Pattern(4096));
        await using var app = await TestApp.StartAsync(a => a.MapGet("/d", () => Respond.Download(path, "big.bin")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/d");
        request.Headers.TryAddWithoutValidation("Range", "bytes=4000-");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("attachment; filename=\"big.bin\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(96, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task RespondDownloadAsync_FromHandler_SendsAttachment()
    {
        var path = _dir.Write("stored.bin", "imperative download");
        await using var app = await TestApp.StartAsync(a => a.MapGet("/d", (HttpContext ctx) => ctx.RespondDownloadAsync(path, "ünïcode.bin")));

        using var response = await app.Client.GetAsync("/d");

        Assert.Equal("ünïcode.bin", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("imperative download", await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> DispositionAsync(Func<IResult> endpoint)
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/d", endpoint));
        using var response = await app.Client.GetAsync("/d");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.GetValues("Content-Disposition").Single();
    }
}
