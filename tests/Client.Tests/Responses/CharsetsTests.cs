using System.Text;
using Herald.Client.Internal;

namespace Herald.Client.Tests.Responses;

public sealed class CharsetsTests
{
    [Fact]
    public void Detect_ByteOrderMark_WinsOverTheHeader()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'a'];

        var (encoding, skip) = Charsets.Detect(body, "text/plain; charset=iso-8859-1", decodeBodyHeaders: false);

        Assert.Equal(Encoding.UTF8.WebName, encoding.WebName);
        Assert.Equal(3, skip);
    }

    [Theory]
    [InlineData("text/plain; charset=\"ISO-8859-1\"", "iso-8859-1")]
    [InlineData("text/html; Charset = windows-1252", "windows-1252")]
    [InlineData("application/json; charset=GBK", "gb2312")]
    [InlineData("text/plain; charset=no-such-charset", "utf-8")]
    [InlineData("text/plain", "utf-8")]
    [InlineData(null, "utf-8")]
    public void Detect_FromContentType_WithLegacyPagesAndUnknownNames(string? contentType, string expected)
    {
        var (encoding, _) = Charsets.Detect("x"u8, contentType, decodeBodyHeaders: false);

        Assert.Equal(expected, encoding.WebName);
    }

    [Theory]
    [InlineData("<html><head><meta charset='EUC-JP'>", "euc-jp")]
    [InlineData("<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html; charset=Shift_JIS\">", "shift_jis")]
    [InlineData("<meta name=\"viewport\" content=\"width=device-width\"><meta charset=\"iso-8859-2\">", "iso-8859-2")]
    public void Detect_FromMeta_WhenAskedAndTheTypeIsHtmlOrMissing(string html, string expected)
    {
        var body = Encoding.ASCII.GetBytes(html);

        Assert.Equal(expected, Charsets.Detect(body, "text/html", decodeBodyHeaders: true).Encoding.WebName);
        Assert.Equal(expected, Charsets.Detect(body, null, decodeBodyHeaders: true).Encoding.WebName);
        Assert.Equal("utf-8", Charsets.Detect(body, "text/html", decodeBodyHeaders: false).Encoding.WebName);
        Assert.Equal("utf-8", Charsets.Detect(body, "application/pdf", decodeBodyHeaders: true).Encoding.WebName);
    }

    [Fact]
    public void Detect_MetaBeyondTheScannedPrefix_IsIgnored()
    {
        var body = Encoding.ASCII.GetBytes(new string(' ', Charsets.MetaScanLength) + "<meta charset=\"iso-8859-2\">");

        Assert.Equal("utf-8", Charsets.Detect(body, "text/html", decodeBodyHeaders: true).Encoding.WebName);
    }
}
