using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests;

/// <summary>
/// <c>/client</c>: the app's own typed Herald client calling the app over Kestrel (an in-memory test server has no
/// socket to call), and what the page shows of each call.
/// </summary>
public sealed partial class ClientDemoTests(KestrelAppFactory kestrel, WebApplicationFactory<Program> inMemory)
    : IClassFixture<KestrelAppFactory>, IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Client_Customer_ShowsDeserializedName()
    {
        var rows = await GetRowsAsync();

        var customer = rows.Where(r => r.Request == "GET /customer/1").ToArray();
        Assert.Equal(2, customer.Length);
        Assert.All(customer, r =>
        {
            Assert.Equal("200 OK", r.Status);
            Assert.Equal("Customer 1: Jet Brains", r.Seen);
            Assert.Equal("1", r.Attempts);
            Assert.EndsWith(" ms", r.Elapsed, StringComparison.Ordinal);
        });

        // No Cache-Control on the customer: the cache says so rather than keeping it.
        Assert.Equal("NotCacheable", customer[1].Cache);
    }

    [Fact]
    public async Task Client_SecondTimeCall_IsCacheHitWithTheSameBody()
    {
        var rows = await GetRowsAsync();

        var time = rows.Where(r => r.Request == "GET /time").ToArray();
        Assert.Equal(2, time.Length);
        Assert.Equal("200 OK", time[1].Status);
        Assert.Equal("Hit", time[1].Cache);
        Assert.Equal(time[0].Seen, time[1].Seen);
        Assert.True(DateTimeOffset.TryParse(time[1].Seen, out _), $"'{time[1].Seen}' is not a time.");
    }

    [Fact]
    public async Task Client_Teapot_ShowsStatusAndReasonPhraseWithoutThrowing()
    {
        var rows = await GetRowsAsync();

        var teapot = Assert.Single(rows, r => r.Request == "GET /teapot");
        Assert.Equal("418 I'm a tea pot", teapot.Status);
        Assert.Equal("1", teapot.Attempts);
    }

    [Fact]
    public async Task Client_Redirect_ShowsTraceToMoved()
    {
        var rows = await GetRowsAsync();

        var redirect = Assert.Single(rows, r => r.Request == "GET /redirect");
        Assert.Equal("200 OK", redirect.Status);
        Assert.Equal(new Uri(kestrel.Address, "moved").ToString(), redirect.Redirects);
        Assert.Equal("Moved content", redirect.Seen);
    }

    [Fact]
    public async Task Client_CallsTheServersOwnAddress()
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        var html = await client.GetStringAsync("/client");

        Assert.Contains($"<code>{kestrel.Address}</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_OnInMemoryTestServer_Returns503ProblemSayingWhy()
    {
        using var client = inMemory.CreateClient();

        using var response = await client.GetAsync("/client");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("listens on none", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_HasMaxAgeSoACacheMayKeepIt()
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        using var response = await client.GetAsync("/time");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Home_ListsClientDemo()
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a href=\"/client\"><code>/client</code></a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/time\"><code>/time</code></a>", html, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Row>> GetRowsAsync()
    {
        using var client = new HttpClient { BaseAddress = kestrel.Address };
        using var response = await client.GetAsync("/client");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..];
        var rows = RowPattern().Matches(body).Select(row =>
        {
            var cells = CellPattern().Matches(row.Groups[1].Value)
                .Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, string.Empty)))
                .ToArray();
            Assert.Equal(7, cells.Length);
            return new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]);
        }).ToArray();
        Assert.Equal(6, rows.Length);
        return rows;
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    private sealed record Row(string Request, string Status, string Elapsed, string Cache, string Attempts, string Redirects, string Seen);
}
