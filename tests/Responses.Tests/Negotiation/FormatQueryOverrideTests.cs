using System.Net;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Negotiation;

public sealed class FormatQueryOverrideTests
{
    private static Task<TestApp> StartAsync(string? parameter, bool fallBack = false) =>
        NegotiationTestApp.StartAsync(
            app => app.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            o =>
            {
                o.AddJson().AddXml().AddText();
                o.FormatQueryParameter = parameter;
                o.FallBackToDefault = fallBack;
            });

    [Theory]
    [InlineData("/customer?format=xml", "application/json", "application/xml")]
    [InlineData("/customer?format=XML", null, "application/xml")]
    [InlineData("/customer?format=text", "application/xml", "text/plain")]
    [InlineData("/customer?format=json", "application/xml", "application/json")]
    [InlineData("/customer?format=application/xml", null, "application/xml")]
    [InlineData("/customer?format=", "application/xml", "application/xml")]
    [InlineData("/customer", "application/xml", "application/xml")]
    public async Task FormatParameter_WhenEnabled_WinsOverAccept(string path, string? accept, string expected)
    {
        await using var app = await StartAsync("format");

        using var response = await app.GetAsync(path, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task FormatParameter_ByDefault_IsIgnored()
    {
        await using var app = await StartAsync(null);

        using var response = await app.GetAsync("/customer?format=xml", "application/json");

        Assert.Equal("application/json", response.MediaType());
    }

    [Fact]
    public async Task FormatParameter_UnknownName_Returns406NamingKnownFormats()
    {
        await using var app = await StartAsync("format");

        using var response = await app.GetAsync("/customer?format=yaml", null);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'yaml'", detail, StringComparison.Ordinal);
        Assert.Contains("json, xml", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatParameter_KnownNameWithoutConverter_Returns406OrFallsBack()
    {
        await using var strict = await StartAsync("format");
        await using var lenient = await StartAsync("format", fallBack: true);

        using var refused = await strict.GetAsync("/customer?format=csv", null);
        using var fallback = await lenient.GetAsync("/customer?format=csv", null);

        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.Equal("application/json", fallback.MediaType());
    }
}
