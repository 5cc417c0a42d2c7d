using Herald.Responses.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Negotiation;

public sealed class NegotiationMetadataTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await NegotiationTestApp.StartAsync(
            app =>
            {
                app.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)).WithName("get");
                app.MapPost("/customer", (Negotiated<Customer> body) => Respond.Negotiated(body.Value, StatusCodes.Status201Created)).WithName("post");
                app.MapPut("/customer", (Negotiated<Customer>? body) => Results.NoContent()).WithName("put");
            },
            services: s => s.AddEndpointsApiExplorer());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Endpoint EndpointNamed(string name) =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name);

    [Fact]
    public void NegotiatedResult_DeclaresValueTypeForEveryProducedMediaType()
    {
        var produces = EndpointNamed("get").Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>();

        var ok = Assert.Single(produces, p => p.StatusCode == StatusCodes.Status200OK);
        Assert.Equal(typeof(Customer), ok.Type);
        Assert.Equal(["application/json", "application/xml", "text/xml", "text/plain"], ok.ContentTypes);
        var notAcceptable = Assert.Single(produces, p => p.StatusCode == StatusCodes.Status406NotAcceptable);
        Assert.Equal(typeof(ProblemDetails), notAcceptable.Type);
    }

    [Fact]
    public void NegotiatedParameter_DeclaresAcceptedMediaTypes()
    {
        var accepts = EndpointNamed("post").Metadata.GetMetadata<IAcceptsMetadata>();

        Assert.NotNull(accepts);
        Assert.Equal(typeof(Customer), accepts.RequestType);
        Assert.Equal(["application/json", "application/xml", "text/xml"], accepts.ContentTypes);
        Assert.False(accepts.IsOptional);
    }

    [Fact]
    public void NullableNegotiatedParameter_IsOptional()
    {
        var accepts = EndpointNamed("put").Metadata.GetMetadata<IAcceptsMetadata>();

        Assert.NotNull(accepts);
        Assert.True(accepts.IsOptional);
    }

    [Fact]
    public void ApiExplorer_SeesRequestAndResponseFormats()
    {
        var descriptions = _app.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();

        var get = Assert.Single(descriptions, d => d.HttpMethod == "GET" && d.RelativePath == "customer");
        var ok = Assert.Single(get.SupportedResponseTypes, r => r.StatusCode == 200);
        Assert.Equal(typeof(Customer), ok.Type);
        Assert.Contains(ok.ApiResponseFormats, f => f.MediaType == "application/xml");
        Assert.Contains(ok.ApiResponseFormats, f => f.MediaType == "application/json");

        var post = Assert.Single(descriptions, d => d.HttpMethod == "POST" && d.RelativePath == "customer");
        Assert.Equal(["application/json", "application/xml", "text/xml"], post.SupportedRequestFormats.Select(f => f.MediaType));
        Assert.Contains(post.ParameterDescriptions, p => p.Type == typeof(Customer) && p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
    }

    [Fact]
    public async Task Metadata_WithoutAddContentNegotiation_EndpointMapsAndResultExplains()
    {
        await using var app = await TestApp.StartAsync(a =>
        {
            a.MapGet("/customer", () => Respond.Negotiated(NegotiationTestApp.Jet)).WithName("bare");
        });

        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.Single();
        var ok = Assert.Single(endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>());
        Assert.Equal(typeof(Customer), ok.Type);
    }
}
