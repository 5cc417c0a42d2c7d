using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

public sealed class JsonContentConverterTests
{
    [Fact]
    public async Task Write_DefaultOptions_MatchesResultsJsonByteForByte()
    {
        var value = new { Name = "Grüße <b>", Count = 3, When = new DateOnly(2024, 1, 2), Nothing = (string?)null };
        await using var app = await NegotiationTestApp.StartAsync(a =>
        {
            a.MapGet("/herald", () => Respond.Negotiated(value));
            a.MapGet("/framework", () => Results.Json(value));
        });

        using var herald = await app.GetAsync("/herald", null);
        using var framework = await app.GetAsync("/framework", null);

        Assert.Equal(framework.ContentType(), herald.ContentType());
        Assert.Equal(await framework.Content.ReadAsByteArrayAsync(), await herald.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Write_AppJsonOptions_AreHonoured()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            services: s => s.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper));

        using var response = await app.GetAsync("/customer", null);

        Assert.Equal("{\"ID\":1,\"FIRST-NAME\":\"Jet\",\"LAST-NAME\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Write_ExplicitSerializerOptions_AreUsed()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = null, WriteIndented = false };
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            o => o.AddJson(options));

        using var response = await app.GetAsync("/customer", "application/json");

        Assert.Equal("{\"Id\":1,\"FirstName\":\"Jet\",\"LastName\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SourceGeneratedContext_WritesAndReadsKnownTypes()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a =>
            {
                a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet));
                a.MapPost("/customer", (Negotiated<Customer> body) => Respond.Negotiated(body.Value with { Id = body.Value.Id + 1 }));
            },
            o => o.AddJson(AppJsonContext.Default).AddXml());

        using var get = await app.GetAsync("/customer", null);
        using var post = await app.PostAsync("/customer", "{\"id\":41,\"first_name\":\"Jet\",\"last_name\":\"Brains\"}", "application/json");

        Assert.Equal("{\"id\":1,\"first_name\":\"Jet\",\"last_name\":\"Brains\"}", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("{\"id\":42,\"first_name\":\"Jet\",\"last_name\":\"Brains\"}", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SourceGeneratedContext_UnknownType_IsNotOfferedAsJson()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/product", () => Respond.Negotiated(new Product { Id = 1, Name = "Kettle" })),
            o => o.AddJson(AppJsonContext.Default).AddXml());

        using var response = await app.GetAsync("/product", null);

        // JSON is the default, but the context cannot write Product, so the next converter answers.
        Assert.Equal("application/xml", response.MediaType());
    }

    [Fact]
    public async Task Write_DerivedValue_UsesRuntimeContractLikeResultsJson()
    {
        Animal animal = new Dog("Rex", Good: true);
        await using var app = await NegotiationTestApp.StartAsync(a => a.MapGet("/animal", () => Respond.Negotiated(animal)));

        using var response = await app.GetAsync("/animal", null);

        Assert.Equal("{\"good\":true,\"name\":\"Rex\"}", await response.Content.ReadAsStringAsync());
    }

    public record Animal(string Name);

    public sealed record Dog(string Name, bool Good) : Animal(Name);

    [Fact]
    public async Task Write_Resolver_UsesWebDefaults()
    {
        await using var app = await NegotiationTestApp.StartAsync(
            a => a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)),
            o => o.AddJson(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()));

        using var response = await app.GetAsync("/customer", null);

        Assert.Equal("{\"id\":1,\"firstName\":\"Jet\",\"lastName\":\"Brains\"}", await response.Content.ReadAsStringAsync());
    }
}
