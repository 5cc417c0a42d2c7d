using System.Text;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Negotiation;

public sealed class AcceptCharsetTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(app =>
        {
            app.MapGet("/text", () => Respond.Negotiated("Grüße"));
            app.MapGet("/greek", () => Respond.Negotiated("Ωmega"));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Negotiated_NoAcceptCharset_SendsUtf8()
    {
        using var response = await _app.GetAsync("/text", "text/plain");

        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal("Grüße"u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("ISO-8859-1")]
    [InlineData("latin1")]
    [InlineData("utf-8;q=0.1, iso-8859-1")]
    [InlineData("iso-8859-1, *;q=0.5")]
    [InlineData("utf-8;q=0, *")]
    public async Task Negotiated_AcceptCharsetPrefersLatin1_SendsLatin1(string acceptCharset)
    {
        using var response = await _app.GetAsync("/text", "text/plain", acceptCharset);

        Assert.Equal("text/plain; charset=iso-8859-1", response.ContentType());
        Assert.Equal(Encoding.Latin1.GetBytes("Grüße"), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept-Charset", response.Headers.Vary);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("*")]
    [InlineData("koi8-r")]
    [InlineData("iso-8859-1;q=0.2, utf-8;q=0.9")]
    [InlineData(";;;")]
    public async Task Negotiated_AcceptCharsetAllowingOrIgnoringUtf8_SendsUtf8(string acceptCharset)
    {
        using var response = await _app.GetAsync("/text", "text/plain", acceptCharset);

        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal("Grüße", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiated_TextLatin1CannotHold_FallsBackToUtf8WithoutLoss()
    {
        using var response = await _app.GetAsync("/greek", "text/plain", "iso-8859-1");

        Assert.Equal("text/plain; charset=utf-8", response.ContentType());
        Assert.Equal("Ωmega", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Negotiated_Json_IsAlwaysUtf8()
    {
        using var response = await _app.GetAsync("/text", "application/json", "iso-8859-1");

        Assert.Equal("application/json; charset=utf-8", response.ContentType());
        Assert.Equal("\"Grüße\""u8.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("Accept-Charset", response.Headers.Vary);
    }
}
