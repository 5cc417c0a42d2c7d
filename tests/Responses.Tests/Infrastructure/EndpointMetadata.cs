using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Responses.Tests.Infrastructure;

/// <summary>Reads what an endpoint declares it produces, as OpenAPI generators see it.</summary>
public static class EndpointMetadata
{
    public static IReadOnlyList<IProducesResponseTypeMetadata> Produces(TestApp app, string pattern)
    {
        var endpoint = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == pattern);
        return endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().ToList();
    }
}
