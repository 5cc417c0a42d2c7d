using System.Net;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Negotiation;

public sealed class TextContentConverterTests
{
    [Fact]
    public async Task Write_Value_UsesToStringAsTextPlain()
    {
        await using var app = await NegotiationTestApp.StartAsync(a =>
        {
            a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet));
            a.MapGet("/number", () => Respond.Negotiated(1234.5m));
        });

        using var customer = await app.GetAsync("/customer", "text/plain");
        using var number = await app.GetAsync("/number", "text/plain");

        Assert.Equal("text/plain; charset=utf-8", customer.ContentType());
        Assert.Equal(NegotiationTestApp.Jet.ToString(), await customer.Content.ReadAsStringAsync());
        Assert.Equal("1234.5", await number.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_TextBody_BindsString()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapPost("/echo", (Negotiated<string> body) => Respond.Negotiated(body.Value.ToUpperInvariant())));

        using var response = await app.PostAsync("/echo", "héllo", "text/plain; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"HÉLLO\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_Latin1Body_DecodedWithDeclaredCharset()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapPost("/echo", (Negotiated<string> body) => Respond.Negotiated(body.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo")
        {
            Content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes("Grüße")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=iso-8859-1");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal("Grüße", await response.Content.ReadAsStringAsync());
    }
}
