using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

public sealed class ReceiveTests : IAsyncLifetime
{
    private const long BodyLimit = 2048;

    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await StartAsync("Production");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Task<TestApp> StartAsync(string environment) =>
        NegotiationTestApp.StartAsync(
            app =>
            {
                app.MapPost("/customer", (Negotiated<Customer> body) => Respond.Negotiated(body.Value));
                app.MapPost("/optional", (Negotiated<Customer>? body) => Respond.Negotiated(body is null ? "none" : body.Value.FirstName));
                app.MapPost("/nullable-value", (Negotiated<Customer?> body) => Respond.Negotiated(body.Value?.FirstName ?? "null"));
                app.MapPost("/number", (Negotiated<int?> body) => Respond.Negotiated(body.Value?.ToString() ?? "null"));
                app.MapPost("/imperative", async (HttpContext ctx) =>
                {
                    var customer = await ctx.ReceiveAsync<Customer>(ctx.RequestAborted);
                    await ctx.RespondAsync(customer with { Id = customer.Id * 10 });
                });
                app.MapPost("/framework", (Customer body) => Results.Ok(body.FirstName));
                app.MapPost("/product", (Negotiated<Product> body) => Respond.Negotiated(body.Value.Name));
                app.MapPost("/imperative-number", async (HttpContext ctx) =>
                    await ctx.RespondAsync((await ctx.ReceiveAsync<int?>())?.ToString() ?? "null"));
            },
            services: s => s.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = BodyLimit),
            environment: environment);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.MediaType());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", "application/json")]
    [InlineData("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", "application/json; charset=utf-8")]
    [InlineData("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", "application/vnd.herald.customer+json")]
    [InlineData("<Customer><Id>1</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>", "application/xml")]
    [InlineData("<?xml version=\"1.0\"?><Customer><Id>1</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>", "text/xml")]
    [InlineData("<Customer><Id>1</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>", "application/vnd.x+xml")]
    public async Task Negotiated_Body_BindsByContentType(string body, string contentType)
    {
        using var response = await _app.PostAsync("/customer", body, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiated_JsonInLatin1_IsTranscoded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer")
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes("{\"id\":1,\"firstName\":\"Zoë\",\"lastName\":\"Brains\"}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=iso-8859-1");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"firstName\":\"Zoë\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_XmlInLatin1_HonoursCharset()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer")
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes("<Customer><Id>1</Id><FirstName>Zoë</FirstName><LastName>B</LastName></Customer>")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/xml; charset=iso-8859-1");

        using var response = await _app.Client.SendAsync(request);

        Assert.Contains("\"firstName\":\"Zoë\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "no Content-Type")]
    [InlineData("image/png", "'image/png' is not accepted")]
    [InlineData("text/plain", "'text/plain' is not accepted")]
    [InlineData("not a media type", "'not a media type' is not accepted")]
    [InlineData("application/json; charset=klingon", "charset 'klingon'")]
    public async Task Negotiated_UnsupportedContentType_Returns415ListingAccepted(string? contentType, string expected)
    {
        using var response = await _app.PostAsync("/customer", "{\"id\":1}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("[\"application/json\",\"application/xml\",\"text/xml\"]", problem.GetProperty("accepts").GetRawText());
    }

    [Fact]
    public async Task Negotiated_MalformedJson_Returns400WithPathLineAndPosition()
    {
        using var response = await _app.PostAsync("/customer", "{\n  \"id\": 1,\n  \"firstName\": \"Jet\",\n  \"lastName\": oops\n}", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("$.lastName", problem.GetProperty("path").GetString());
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal(15, problem.GetProperty("position").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("not valid JSON for Customer at '$.lastName' (line 4, position 15)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_JsonWrongType_Returns400NamingPath()
    {
        using var response = await _app.PostAsync("/customer", "{\"id\":\"one\",\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("$.id", problem.GetProperty("path").GetString());
        Assert.Contains("(expected Int32)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_TruncatedJson_Returns400()
    {
        using var response = await _app.PostAsync("/customer", "{\"id\":1,\"firstName\":\"Je", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Negotiated_MalformedXml_Returns400WithLineAndPosition()
    {
        using var response = await _app.PostAsync("/customer", "<Customer>\n  <Id>1</Id>\n  <FirstName>Jet</LastName>\n</Customer>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("position").GetInt32() > 0);
        Assert.Contains("not well-formed XML", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_XmlWrongType_Returns400NamingElement()
    {
        using var response = await _app.PostAsync("/customer", "<Customer>\n<Id>one</Id><FirstName>Jet</FirstName></Customer>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("'one' of element 'Id' is not a valid Int32", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Negotiated_XmlWithDtd_Returns400WithoutExpandingEntities()
    {
        const string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><Customer><FirstName>&lol2;</FirstName></Customer>";

        using var response = await _app.PostAsync("/customer", bomb, "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("DTD", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_XmlNestedTooDeep_Returns400()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 70)) + string.Concat(Enumerable.Repeat("</a>", 70));

        using var response = await _app.PostAsync("/customer", deep, "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nested deeper than 64", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Negotiated_EmptyBody_Returns400(string? contentType)
    {
        using var response = await _app.PostAsync("/customer", "", contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body is empty", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_JsonNullForRequiredBody_Returns400()
    {
        using var response = await _app.PostAsync("/customer", "null", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("body is null", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiated_EmptyChunkedBody_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer") { Content = new StreamContent(new MemoryStream()) };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/optional", "", null, "none")]
    [InlineData("/optional", "{\"firstName\":\"Jet\"}", "application/json", "Jet")]
    [InlineData("/nullable-value", "", null, "null")]
    [InlineData("/nullable-value", "null", "application/json", "null")]
    [InlineData("/number", "", null, "null")]
    [InlineData("/number", "7", "application/json", "7")]
    [InlineData("/imperative-number", "", null, "null")]
    public async Task Negotiated_NullableParameter_AcceptsEmptyBody(string path, string body, string? contentType, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Negotiated_BodyOverLimitWithContentLength_Returns413()
    {
        var body = "{\"id\":1,\"firstName\":\"" + new string('x', 5000) + "\",\"lastName\":\"B\"}";

        using var response = await _app.PostAsync("/customer", body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains($"({BodyLimit} bytes)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"id\":1,\"firstName\":\"", "\",\"lastName\":\"B\"}")]
    [InlineData("application/xml", "<Customer><Id>1</Id><FirstName>", "</FirstName></Customer>")]
    public async Task Negotiated_ChunkedBodyOverLimit_Returns413(string contentType, string prefix, string suffix)
    {
        var bytes = Encoding.UTF8.GetBytes(prefix + new string('x', 5000) + suffix);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customer") { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ReceiveAsync_ValidBody_ReturnsValue()
    {
        using var response = await _app.PostAsync("/imperative", "<Customer><Id>4</Id><FirstName>Jet</FirstName><LastName>Brains</LastName></Customer>", "application/xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"id\":40,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"id\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"id\":1}", "image/png", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    public async Task ReceiveAsync_BadBody_AnsweredWithProblemDetails(string body, string contentType, HttpStatusCode expected)
    {
        using var response = await _app.PostAsync("/imperative", body, contentType);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Negotiated_InDevelopment_StillAnswersProblemDetails()
    {
        await using var app = await StartAsync("Development");

        using var malformed = await app.PostAsync("/customer", "{oops", "application/json");
        using var unsupported = await app.PostAsync("/customer", "x", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(400, (await ProblemAsync(malformed)).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Equal(415, (await ProblemAsync(unsupported)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task FrameworkBodyEndpoint_UnsupportedContentType_KeepsFrameworkBehaviour()
    {
        using var response = await _app.PostAsync("/framework", "x", "image/png");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Negotiated_XmlSerializerTypeWithWrongValue_Returns400WithLocation()
    {
        using var response = await _app.PostAsync("/product", "<Product>\n  <Id>seven</Id>\n</Product>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("does not fit Product", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // XmlSerializer reports where its reader stopped: the bad value's line or the next one.
        Assert.InRange(problem.GetProperty("line").GetInt32(), 2, 3);
    }

    [Fact]
    public async Task Negotiated_XmlSerializerTypeWithWrongRoot_Returns400()
    {
        using var response = await _app.PostAsync("/product", "<Customer><Id>1</Id></Customer>", "application/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("was not expected", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
