using System.Net;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

public sealed class AcceptNegotiationTests : IAsyncLifetime
{
    private readonly BodyRecorder _recorder = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(app =>
        {
            _recorder.Install(app);
            app.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet));
            app.MapGet("/created", () => Respond.Negotiated(NegotiationTestApp.Jet, StatusCodes.Status201Created));
            app.MapMethods("/head", [HttpMethods.Get, HttpMethods.Head], () => Respond.Negotiated(NegotiationTestApp.Jet));
            app.MapGet("/imperative", (HttpContext ctx) => ctx.RespondAsync(NegotiationTestApp.Jet));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/xml", "application/xml")]
    [InlineData("text/xml", "text/xml")]
    [InlineData("text/plain", "text/plain")]
    [InlineData("application/*", "application/json")]
    [InlineData("text/*", "text/xml")]
    public async Task Negotiated_Accept_ChoosesConverter(string? accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
    }

    [Theory]
    [InlineData("application/json;q=0.5, application/xml", "application/xml")]
    [InlineData("application/xml;q=0.4, application/json;q=0.8", "application/json")]
    [InlineData("application/json;q=0.1, text/plain;q=0.2, application/xml;q=0.3", "application/xml")]
    [InlineData("text/plain;q=0.9, */*;q=0.1", "text/plain")]
    public async Task Negotiated_QualityValues_HighestWins(string accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(expected, response.MediaType());
    }

    [Theory]
    // Equal quality: the more specific range decides, whatever the order in the header.
    [InlineData("*/*, application/xml", "application/xml")]
    [InlineData("application/*, text/plain", "text/plain")]
    [InlineData("text/*, application/xml;charset=utf-8", "application/xml")]
    // Equal quality and specificity: the client's order.
    [InlineData("text/plain, application/xml", "text/plain")]
    [InlineData("application/xml, application/json", "application/xml")]
    public async Task Negotiated_EqualQuality_MoreSpecificRangeWins(string accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(expected, response.MediaType());
    }

    [Theory]
    // RFC 9110 section 12.5.1: a range with parameters matches only a representation with those parameters, and none
    // of the converters' representations has any, so such a range neither admits nor excludes anything.
    [InlineData("application/json;v=2;q=0, application/json", "application/json")]
    [InlineData("application/xml;v=2, application/json;q=0.5", "application/json")]
    [InlineData("text/*, application/xml;v=1", "text/xml")]
    [InlineData("application/json;profile=\"urn:x\";q=0, */*", "application/json")]
    // charset is not such a parameter: it names an encoding, which Accept-Charset and the converter settle.
    [InlineData("application/xml;charset=utf-8, application/json", "application/xml")]
    [InlineData("application/json;charset=utf-8;q=0, application/xml;q=0.5, application/json;q=0.9", "application/xml")]
    public async Task Negotiated_RangeWithParameters_MatchesOnlyThoseParameters(string accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
    }

    [Theory]
    [InlineData("application/json;v=2")]
    [InlineData("application/xml;v=2, text/plain;format=flowed")]
    public async Task Negotiated_OnlyRangesWithUnmatchedParameters_Returns406(string accept)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json;q=0, */*", "application/xml")]
    [InlineData("application/json;q=0, application/xml;q=0, */*", "text/xml")]
    [InlineData("application/*;q=0, */*", "text/xml")]
    public async Task Negotiated_QualityZero_ExcludesMediaType(string accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(expected, response.MediaType());
    }

    [Theory]
    [InlineData("application/problem+json", "application/problem+json", "{")]
    [InlineData("application/vnd.herald.customer+json", "application/vnd.herald.customer+json", "{")]
    [InlineData("application/vnd.x+xml", "application/vnd.x+xml", "<?xml")]
    [InlineData("image/png, application/vnd.x+xml;q=0.5", "application/vnd.x+xml", "<?xml")]
    public async Task Negotiated_StructuredSuffix_MapsToBaseFormat(string accept, string expectedType, string bodyStart)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedType, response.MediaType());
        Assert.StartsWith(bodyStart, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_BrowserAccept_PicksXmlOverWildcard()
    {
        // text/html and application/xhtml+xml cannot be produced (xhtml is never served as serialized XML);
        // application/xml;q=0.9 beats */*;q=0.8.
        using var response = await _app.GetAsync(
            "/customer", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");

        Assert.Equal("application/xml", response.MediaType());
    }

    [Fact]
    public async Task Negotiated_XhtmlOnly_IsNotAcceptable()
    {
        using var response = await _app.GetAsync("/customer", "application/xhtml+xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData(",,,")]
    [InlineData("application/")]
    [InlineData("*/json")]
    [InlineData("text/plain;q=abc")]
    [InlineData("text/plain;q=2")]
    [InlineData("application/json;;;")]
    [InlineData("\"quoted\"/thing; a=\"unterminated")]
    [InlineData("application/xml;q=0.5;q=0.7, ;;, ===")]
    public async Task Negotiated_MalformedAccept_NeverFails(string accept)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.MediaType());
        Assert.Contains("Jet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage, application/xml", "application/xml")]
    [InlineData("text/plain;q=abc, application/xml", "application/xml")]
    [InlineData("*/json, text/plain", "text/plain")]
    public async Task Negotiated_MalformedItems_AreIgnored(string accept, string expected)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Equal(expected, response.MediaType());
    }

    [Fact]
    public async Task Negotiated_NothingAcceptable_Returns406WithProblemListingProducibleTypes()
    {
        using var response = await _app.GetAsync("/customer", "image/png");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.MediaType());
        Assert.Contains("Accept", response.Headers.Vary);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(406, problem.RootElement.GetProperty("status").GetInt32());
        var produces = problem.RootElement.GetProperty("produces").EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        Assert.Equal(["application/json", "application/xml", "text/xml", "text/plain"], produces);
        Assert.Contains("application/json, application/xml", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_AllExcludedByQualityZero_Returns406()
    {
        using var response = await _app.GetAsync("/customer", "*/*;q=0");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    public async Task Negotiated_AnyOutcome_SendsVaryAccept(string? accept)
    {
        using var response = await _app.GetAsync("/customer", accept);

        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Negotiated_StatusCode_IsSent()
    {
        using var response = await _app.GetAsync("/created", "application/xml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/xml", response.MediaType());
    }

    [Fact]
    public async Task RespondAsync_Accept_NegotiatesLikeTheResult()
    {
        using var json = await _app.GetAsync("/imperative", null);
        using var xml = await _app.GetAsync("/imperative", "application/xml");
        using var none = await _app.GetAsync("/imperative", "image/png");

        Assert.Equal("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", await json.Content.ReadAsStringAsync());
        Assert.Equal("application/xml", xml.MediaType());
        Assert.Equal(HttpStatusCode.NotAcceptable, none.StatusCode);
        Assert.Contains("Accept", none.Headers.Vary);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public async Task Negotiated_Head_SendsHeadersWithoutSerializing(string accept)
    {
        // Kestrel drops a HEAD body on its own: what counts is that nothing was serialized into the body feature.
        using var get = await _app.GetAsync("/head", accept);
        var getRecord = await _recorder.NextAsync("GET", "/head");
        await getRecord.Completed;
        using var request = new HttpRequestMessage(HttpMethod.Head, "/head");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _app.Client.SendAsync(request);
        var headRecord = await _recorder.NextAsync("HEAD", "/head");
        await headRecord.Completed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        Assert.True(getRecord.BytesWritten > 0);
        Assert.Equal(0, headRecord.BytesWritten);
    }

    [Fact]
    public async Task Negotiated_AcceptOnSeveralHeaderLines_CombinesThem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/customer");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;q=0.2");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain;q=0.9");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal("text/plain", response.MediaType());
    }
}
