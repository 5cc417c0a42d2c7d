using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>
/// A negotiated response's entity tag belongs to the representation sent (RFC 9110 section 8.8.1: a strong validator
/// is unique across the representations of a resource), so a tag cached for JSON never validates an XML request.
/// </summary>
public sealed class NegotiatedEntityTagTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(app =>
        {
            app.MapMethods("/customer", [HttpMethods.Get, HttpMethods.Put], () => Respond.Negotiated(NegotiationTestApp.Jet, etag: "7c876b7e"));
            app.MapGet("/weak", () => Respond.Negotiated(NegotiationTestApp.Jet, etag: "W/\"7c876b7e\""));
            app.MapGet("/imperative", (HttpContext ctx) => ctx.RespondAsync(NegotiationTestApp.Jet, etag: "7c876b7e"));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Negotiated_EachFormat_SendsItsOwnStrongTag()
    {
        using var json = await _app.GetAsync("/customer", "application/json");
        using var xml = await _app.GetAsync("/customer", "application/xml");
        using var textXml = await _app.GetAsync("/customer", "text/xml");
        using var text = await _app.GetAsync("/customer", "text/plain");
        using var latin1 = await _app.GetAsync("/customer", "text/plain", acceptCharset: "iso-8859-1");

        string?[] tags = [Tag(json), Tag(xml), Tag(textXml), Tag(text), Tag(latin1)];

        Assert.All(tags, t => Assert.StartsWith("\"7c876b7e-", t, StringComparison.Ordinal));
        Assert.All(tags, t => Assert.Matches("^\"7c876b7e-[0-9a-f]{8}\"$", t));
        Assert.Equal(tags.Length, tags.Distinct().Count());

        // Stable across processes and servers: derived from "application/json; charset=utf-8" alone.
        Assert.Equal("\"7c876b7e-d4121ccc\"", Tag(json));
        Assert.False(json.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task Negotiated_SameRepresentation_SendsSameTagEveryTime()
    {
        using var first = await _app.GetAsync("/customer", "application/xml");
        using var second = await _app.GetAsync("/customer", "application/xml;q=0.9, text/plain;q=0.1");
        using var imperative = await _app.GetAsync("/imperative", "application/xml");

        Assert.Equal(Tag(first), Tag(second));
        Assert.Equal(Tag(first), Tag(imperative));
    }

    [Fact]
    public async Task Negotiated_IfNoneMatchFromAnotherFormat_Sends200WithThisFormatsTag()
    {
        using var json = await _app.GetAsync("/customer", "application/json");

        using var xml = await SendAsync(HttpMethod.Get, "/customer", "application/xml", ("If-None-Match", Tag(json)!));

        Assert.Equal(HttpStatusCode.OK, xml.StatusCode);
        Assert.Equal("application/xml", xml.MediaType());
        Assert.StartsWith("<?xml", await xml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(Tag(json), Tag(xml));
    }

    [Fact]
    public async Task Negotiated_IfNoneMatchFromSameFormat_Answers304()
    {
        using var xml = await _app.GetAsync("/customer", "application/xml");

        using var again = await SendAsync(HttpMethod.Get, "/customer", "application/xml", ("If-None-Match", Tag(xml)!));
        using var list = await SendAsync(HttpMethod.Get, "/customer", "application/xml", ("If-None-Match", $"\"other\", {Tag(xml)}"));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(Tag(xml), Tag(again));
        Assert.Equal(HttpStatusCode.NotModified, list.StatusCode);
    }

    [Fact]
    public async Task Negotiated_BareTagInIfNoneMatch_DoesNotValidate()
    {
        // The value given to Respond.Negotiated is not itself any representation's tag.
        using var response = await SendAsync(HttpMethod.Get, "/customer", "application/json", ("If-None-Match", "\"7c876b7e\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Negotiated_IfMatch_ComparesWithTheChosenRepresentationsTag()
    {
        using var json = await _app.GetAsync("/customer", "application/json");

        using var sameFormat = await SendAsync(HttpMethod.Put, "/customer", "application/json", ("If-Match", Tag(json)!));
        using var otherFormat = await SendAsync(HttpMethod.Put, "/customer", "application/xml", ("If-Match", Tag(json)!));

        Assert.Equal(HttpStatusCode.OK, sameFormat.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, otherFormat.StatusCode);
    }

    [Fact]
    public async Task Negotiated_WeakTag_StaysWeakAndPerFormat()
    {
        using var json = await _app.GetAsync("/weak", "application/json");
        using var xml = await _app.GetAsync("/weak", "application/xml");

        using var crossed = await SendAsync(HttpMethod.Get, "/weak", "application/xml", ("If-None-Match", json.Headers.ETag!.ToString()));

        Assert.True(json.Headers.ETag!.IsWeak);
        Assert.StartsWith("W/\"7c876b7e-", json.Headers.ETag.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(json.Headers.ETag.Tag, xml.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
    }

    [Fact]
    public async Task RespondAsync_WithEtagAndLastModified_AnswersConditionsLikeTheResult()
    {
        var modified = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await using var app = await NegotiationTestApp.StartAsync(a => a.MapGet("/dated", (HttpContext ctx) =>
            ctx.RespondAsync(NegotiationTestApp.Jet, etag: "7c876b7e", lastModified: modified)));
        using var first = await app.GetAsync("/dated", "application/xml");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dated");
        request.Headers.TryAddWithoutValidation("Accept", "application/xml");
        request.Headers.IfModifiedSince = modified;
        using var notModified = await app.Client.SendAsync(request);
        using var byTag = await SendAsync(HttpMethod.Get, "/imperative", "application/xml", ("If-None-Match", Tag(first)!));

        Assert.Equal(modified, first.Content.Headers.LastModified);
        Assert.StartsWith("\"7c876b7e-", Tag(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
    }

    private static string? Tag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accept, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return await _app.Client.SendAsync(request);
    }
}
