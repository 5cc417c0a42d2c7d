using System.Net;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>A converter that decides from endpoint metadata: one endpoint answers browsers with HTML, API clients with JSON/XML.</summary>
public sealed class TemplateConverterShapeTests : IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(
            app =>
            {
                app.MapGet("/page", () => Respond.Negotiated(NegotiationTestApp.Jet))
                    .WithMetadata(new HtmlTemplateMetadata("<h1>{0}</h1>"));
                app.MapGet("/api", () => Respond.Negotiated(NegotiationTestApp.Jet));
            },
            o => o.AddJson().AddXml().Add(new FakeTemplateConverter()));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Browser_EndpointWithTemplate_GetsHtml()
    {
        using var response = await _app.GetAsync("/page", BrowserAccept);

        Assert.Equal("text/html; charset=utf-8", response.ContentType());
        Assert.Equal("<h1>Customer { Id = 1, FirstName = Jet, LastName = Brains }</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiClient_EndpointWithTemplate_GetsJson()
    {
        using var response = await _app.GetAsync("/page", "application/json");

        Assert.Equal("application/json", response.MediaType());
    }

    [Fact]
    public async Task Browser_EndpointWithoutTemplate_FallsToNextAcceptable()
    {
        using var response = await _app.GetAsync("/api", BrowserAccept);

        Assert.Equal("application/xml", response.MediaType());
    }

    [Fact]
    public async Task HtmlOnly_EndpointWithoutTemplate_Returns406WithoutHtml()
    {
        using var response = await _app.GetAsync("/api", "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.DoesNotContain("text/html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
