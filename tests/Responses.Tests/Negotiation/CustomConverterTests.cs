using System.Net;
using System.Text.Json;
using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Herald.Responses.Tests.Negotiation;

public sealed class CustomConverterTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(
            app =>
            {
                app.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet));
                app.MapGet("/count", () => Respond.Negotiated(42));
                app.MapPost("/customers", (Negotiated<Customer[]> body) => Respond.Negotiated(body.Value));
            },
            o => o.AddJson().Add(new CsvContentConverter()));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Write_AcceptCsv_UsesCustomConverter()
    {
        using var response = await _app.GetAsync("/customer", "text/csv");

        Assert.Equal("text/csv; charset=utf-8", response.ContentType());
        Assert.Equal("id,firstName,lastName\n1,Jet,Brains\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_TypeCustomConverterDeclines_Returns406ListingOnlyJson()
    {
        using var response = await _app.GetAsync("/count", "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("[\"application/json\"]", problem.RootElement.GetProperty("produces").GetRawText());
    }

    [Fact]
    public async Task RoundTrip_CsvBody_ReadAndWrittenByCustomConverter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/customers")
        {
            Content = new StringContent("id,firstName,lastName\n1,Jet,Brains\n2,Ada,Lovelace\n"),
        };
        request.Content.Headers.ContentType = new("text/csv");
        request.Headers.TryAddWithoutValidation("Accept", "text/csv");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("id,firstName,lastName\n1,Jet,Brains\n2,Ada,Lovelace\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Read_MalformedCsv_Returns400FromConverterException()
    {
        using var response = await _app.PostAsync("/customers", "id,firstName,lastName\nnot-a-row\n", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Row 2", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.RootElement.GetProperty("line").GetInt32());
    }
}
