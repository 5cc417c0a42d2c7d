using System.Text;
using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Requests;

/// <summary>URL merging, encoding and user-info, checked on the request target the server received.</summary>
public sealed class UrlEndToEndTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private async Task<Echo> SendAsync(Uri? baseAddress, string url, Action<HeraldRequest>? configure = null)
    {
        using var client = new HeraldClient(o => o.BaseAddress = baseAddress);
        using var response = await client.GetAsync(url, configure);
        return (await response.ReadJsonAsync<Echo>())!;
    }

    [Theory]
    [InlineData("echo/api/", "users", "/echo/api/users")]
    [InlineData("echo/api", "users", "/echo/users")]
    [InlineData("echo/api/", "/echo/root", "/echo/root")]
    [InlineData("echo/api/", "", "/echo/api/")]
    [InlineData("echo/api/v1/", "../v2/users", "/echo/api/v2/users")]
    public async Task RelativeUrl_MergesWithBase(string basePath, string url, string expectedTarget)
    {
        var received = await SendAsync(new Uri(echo.BaseAddress, basePath), url);

        Assert.Equal(expectedTarget, received.RawTarget);
    }

    [Fact]
    public async Task Fragment_StaysOnTheRequestUrl_ButIsNeverSent()
    {
        using var client = new HeraldClient(o => o.BaseAddress = echo.BaseAddress);
        using var response = await client.GetAsync("echo/page?x=1#section");

        Assert.Equal("/echo/page?x=1", (await response.ReadJsonAsync<Echo>())!.RawTarget);
        Assert.Equal("#section", response.RequestUri?.Fragment);
    }

    [Fact]
    public async Task ProtocolRelativeAndAbsoluteUrls_OverrideTheBase()
    {
        await using var other = await LoopbackServer.StartAsync(EchoServer.Map);
        var baseAddress = new Uri(echo.BaseAddress, "echo/api/");

        var protocolRelative = await SendAsync(baseAddress, $"//127.0.0.1:{other.Port}/echo/elsewhere");
        var absolute = await SendAsync(baseAddress, other.Url("echo/absolute").ToString());

        Assert.Equal("/echo/elsewhere", protocolRelative.RawTarget);
        Assert.Equal($"127.0.0.1:{other.Port}", protocolRelative.Header("Host"));
        Assert.Equal("/echo/absolute", absolute.RawTarget);
        Assert.Equal($"127.0.0.1:{other.Port}", absolute.Header("Host"));
    }

    [Fact]
    public async Task BaseQuery_IsADefault_ThatARequestParameterReplaces()
    {
        var baseAddress = new Uri(echo.BaseAddress, "echo/api/?apiKey=k1&lang=en");

        var plain = await SendAsync(baseAddress, "items");
        var overridden = await SendAsync(baseAddress, "items", r => r.Query("lang", "fr"));

        Assert.Equal("/echo/api/items?apiKey=k1&lang=en", plain.RawTarget);
        Assert.Equal("/echo/api/items?lang=fr&apiKey=k1", overridden.RawTarget);
    }

    [Theory]
    [InlineData("echo/a b", "/echo/a%20b")]
    [InlineData("echo/a%20b", "/echo/a%20b")]
    [InlineData("echo/caf\u00e9?q=\u00e9t\u00e9", "/echo/caf%C3%A9?q=%C3%A9t%C3%A9")]
    [InlineData("echo/\"x\"<y>|z", "/echo/%22x%22%3Cy%3E%7Cz")]
    [InlineData("echo/p?x=%zz", "/echo/p?x=%25zz")]
    [InlineData("echo/%7E", "/echo/%7E")]
    public async Task IllegalCharacters_ReachTheServerEncodedOnce(string url, string expectedTarget)
    {
        var received = await SendAsync(echo.BaseAddress, url);

        Assert.Equal(expectedTarget, received.RawTarget);
    }

    [Fact]
    public async Task UserInfo_BecomesBasicAuth_AndIsNotInTheUrl()
    {
        var url = $"http://fred%27s%20diner:s%3Acret%40@127.0.0.1:{echo.Server.Port}/echo/private";

        var received = await SendAsync(null, url);

        Assert.Equal("/echo/private", received.RawTarget);
        Assert.Equal($"127.0.0.1:{echo.Server.Port}", received.Header("Host"));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("fred's diner:s:cret@"));
        Assert.Equal(expected, received.Header("Authorization"));
    }

    [Fact]
    public async Task UserInfo_ExplicitAuthorizationHeader_Wins()
    {
        var url = $"http://user:pass@127.0.0.1:{echo.Server.Port}/echo/private";

        var received = await SendAsync(null, url, r => r.Header("Authorization", "Bearer token"));

        Assert.Equal(["Bearer token"], received.HeaderValues("Authorization"));
    }

    [Fact]
    public async Task Response_RequestUri_IsTheUrlSent()
    {
        using var client = new HeraldClient(o => o.BaseAddress = new Uri(echo.BaseAddress, "echo/"));

        using var response = await client.GetAsync("x y", r => r.Query("q", 1));

        Assert.Equal(echo.BaseAddress.AbsoluteUri + "echo/x%20y?q=1", response.RequestUri!.AbsoluteUri);
    }
}
