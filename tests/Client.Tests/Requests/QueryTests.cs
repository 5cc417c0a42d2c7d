using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Requests;

public sealed class QueryTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private async Task<string> TargetAsync(string url, Action<HeraldRequest> configure, Action<HeraldClientOptions>? options = null)
    {
        using var client = new HeraldClient(o =>
        {
            o.BaseAddress = echo.BaseAddress;
            options?.Invoke(o);
        });
        using var response = await client.GetAsync(url, configure);
        return (await response.ReadJsonAsync<Echo>())!.RawTarget;
    }

    [Fact]
    public async Task Query_IsAppendedToAnExistingQuery()
    {
        Assert.Equal("/echo/q?a=1&b=2", await TargetAsync("echo/q?a=1", r => r.Query("b", 2)));
        Assert.Equal("/echo/q?foo=1&foo=2&foo=3", await TargetAsync("echo/q?foo=1", r => r.Query("foo", new[] { "2", "3" })));
    }

    [Fact]
    public async Task Query_ValuesOfAnyType_AreFormattedInvariantly()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var target = await TargetAsync("echo/q", r => r.Query(new
            {
                i = 42,
                d = 1.5,
                m = 10.25m,
                yes = true,
                no = false,
                day = new DateOnly(2024, 2, 29),
                at = new DateTime(2024, 2, 29, 13, 45, 0, DateTimeKind.Utc),
                off = new DateTimeOffset(2024, 2, 29, 13, 45, 0, TimeSpan.FromHours(2)),
                id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
                kind = DayOfWeek.Friday,
            }));

            Assert.Equal(
                "/echo/q?i=42&d=1.5&m=10.25&yes=true&no=false&day=2024-02-29&at=2024-02-29T13%3A45%3A00Z" +
                "&off=2024-02-29T13%3A45%3A00%2B02%3A00&id=0f8fad5b-d9cb-469f-a165-70867728950e&kind=Friday",
                target);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Query_NullIsOmitted_EmptyStringIsSent()
    {
        Assert.Equal("/echo/q?b=&c=3", await TargetAsync("echo/q", r => r.Query("a", null).Query("b", "").Query("c", 3)));
    }

    [Fact]
    public async Task Query_NestedMaps_AreFlattened()
    {
        var target = await TargetAsync("echo/q", r => r.Query(new { a = new { b = new { c = "v" } }, x = new Dictionary<string, object?> { ["y"] = 1 } }));

        Assert.Equal("/echo/q?a%5Bb%5D%5Bc%5D=v&x%5By%5D=1", target);
        Assert.Equal("/echo/q?a[b][c]=v&x[y]=1", Uri.UnescapeDataString(target));
    }

    [Theory]
    [InlineData(MultiParamStyle.Repeat, "a=1&a=2&a=3&b=x&b=y")]
    [InlineData(MultiParamStyle.Array, "a[]=1&a[]=2&a[]=3&b[]=x&b[]=y")]
    [InlineData(MultiParamStyle.Indexed, "a[0]=1&a[1]=2&a[2]=3&b[0]=x&b[1]=y")]
    [InlineData(MultiParamStyle.CommaSeparated, "a=1,2,3&b=x,y")]
    public async Task Query_MultiValueStyles(MultiParamStyle style, string expected)
    {
        var perRequest = await TargetAsync("echo/q", r => r.QueryStyle(style).Query(new { a = new[] { 1, 2, 3 }, b = new List<string> { "x", "y" } }));
        var perClient = await TargetAsync("echo/q", r => r.Query(new { a = new[] { 1, 2, 3 }, b = new List<string> { "x", "y" } }), o => o.MultiParamStyle = style);

        Assert.Equal("/echo/q?" + expected, Uri.UnescapeDataString(perRequest));
        Assert.Equal(perRequest, perClient);
    }

    [Fact]
    public async Task Query_CommaStyle_EncodesCommasInsideValues()
    {
        Assert.Equal("/echo/q?a=x%2Cy,z", await TargetAsync("echo/q", r => r.QueryStyle(MultiParamStyle.CommaSeparated).Query("a", new[] { "x,y", "z" })));
    }

    [Theory]
    [InlineData("bar", "foo=bar")]
    [InlineData("<<", "foo=%3C%3C")]
    [InlineData("a b c", "foo=a%20b%20c")]
    [InlineData("a+b", "foo=a%2Bb")]
    [InlineData("x&y=z", "foo=x%26y%3Dz")]
    [InlineData("caf\u00e9", "foo=caf%C3%A9")]
    [InlineData("-._~", "foo=-._~")]
    [InlineData("100%", "foo=100%25")]
    public async Task Query_Values_ArePercentEncodedLikeCljHttp(string value, string expected)
    {
        Assert.Equal("/echo/q?" + expected, await TargetAsync("echo/q", r => r.Query("foo", value)));
    }

    [Fact]
    public async Task Query_Keys_ArePercentEncoded()
    {
        Assert.Equal("/echo/q?a%20b%26c=1", await TargetAsync("echo/q", r => r.Query("a b&c", 1)));
    }

    [Fact]
    public async Task Query_AcceptsDictionariesAndPairs()
    {
        var dictionary = new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 };
        var pairs = new List<KeyValuePair<string, object?>> { new("p", "1"), new("p", "2") };
        var typed = new SortedList<string, string> { ["s"] = "t" };

        Assert.Equal("/echo/q?x=1&y=2&p=1&p=2&s=t", await TargetAsync("echo/q", r => r.Query(dictionary).Query(pairs).Query(typed)));
    }

    [Fact]
    public async Task Query_ServerBindsTheValues()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/sum", (int[] n, string word) => $"{n.Sum()}:{word}"));
        using var client = new HeraldClient(o => o.BaseAddress = server.BaseAddress);

        using var response = await client.GetAsync("sum", r => r.Query(new { n = new[] { 1, 2, 3 }, word = "a+b c" }));

        Assert.Equal("6:a+b c", response.Body);
    }

    [Fact]
    public void Query_PlainValueAsMap_ThrowsNamingTheOverload()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HeraldRequest(HttpMethod.Get, "x").Query(42));

        Assert.Contains("(name, value)", ex.Message);
    }
}
