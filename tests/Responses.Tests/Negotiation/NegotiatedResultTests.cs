using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

public sealed class NegotiatedResultTests
{
    [Fact]
    public void Negotiated_ExposesValueAndStatusForInspection()
    {
        var result = Respond.Negotiated(NegotiationTestApp.Jet, StatusCodes.Status202Accepted, etag: "abc");

        Assert.Equal(NegotiationTestApp.Jet, ((IValueHttpResult<Customer>)result).Value);
        Assert.Equal(NegotiationTestApp.Jet, ((IValueHttpResult)result).Value);
        Assert.Equal(202, ((IStatusCodeHttpResult)result).StatusCode);
        Assert.Equal("\"abc\"", result.ETag);
        Assert.Equal(200, Respond.Negotiated(1).StatusCode);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1000)]
    public void Negotiated_StatusOutOfRange_Throws(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond.Negotiated(1, status));
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("a\r\nSet-Cookie: x=y")]
    public void Negotiated_InvalidEtag_Throws(string etag)
    {
        Assert.Throws<ArgumentException>(() => Respond.Negotiated(1, etag: etag));
    }

    [Fact]
    public async Task Negotiated_AfterResponseStarted_ThrowsInvalidOperation()
    {
        Exception? captured = null;
        await using var app = await NegotiationTestApp.StartAsync(a => a.MapGet("/late", async (HttpContext ctx) =>
        {
            await ctx.Response.WriteAsync("started");
            try
            {
                await ctx.RespondAsync(NegotiationTestApp.Jet);
            }
            catch (InvalidOperationException e)
            {
                captured = e;
            }
        }));

        using var response = await app.GetAsync("/late", null);

        Assert.Equal("started", await response.Content.ReadAsStringAsync());
        var error = Assert.IsType<InvalidOperationException>(captured);
        Assert.Contains("response has already started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_WithEtag_AnswersIfNoneMatchWith304KeepingVary()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet, etag: "7c876b7e")));

        using var first = await app.GetAsync("/customer", "application/xml");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");
        using var second = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("\"7c876b7e-", first.Headers.ETag?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("Accept", second.Headers.Vary);
    }

    [Fact]
    public async Task Negotiated_WithLastModified_AnswersIfUnmodifiedSinceWith412()
    {
        var modified = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapPut("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet, lastModified: modified)));
        using var request = new HttpRequestMessage(HttpMethod.Put, "/customer");
        request.Headers.IfUnmodifiedSince = modified.AddDays(-1);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task Negotiated_NoContentStatus_SendsNoBody()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/empty", () => Respond.Negotiated(NegotiationTestApp.Jet, StatusCodes.Status204NoContent)));

        using var response = await app.GetAsync("/empty", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Negotiated_ExistingVary_IsKeptAndExtended()
    {
        await using var app = await NegotiationTestApp.StartAsync(a => a.MapGet("/vary", (HttpContext ctx) =>
        {
            ctx.Response.Headers.Vary = "Origin";
            return Respond.Negotiated(NegotiationTestApp.Jet);
        }));

        using var response = await app.GetAsync("/vary", null);

        Assert.Equal(["Origin", "Accept"], response.Headers.Vary);
    }
}
