using Herald.Client;
using Herald.Responses;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebApp.ClientDemo;

/// <summary>Registers and maps the client demo: <c>/client</c> calls the app's own routes with a Herald client.</summary>
public static class ClientDemoEndpoints
{
    /// <summary>How long <c>/time</c> lets a cache keep its answer.</summary>
    public static readonly TimeSpan TimeMaxAge = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Registers <see cref="SampleSiteClient"/> as a typed Herald client of the app itself, with the standard resilience
    /// pipeline and the private cache.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddClientDemo(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHeraldClient<SampleSiteClient>((sp, o) =>
        {
            // The options are built when the first client is made, in a request, so the server is listening and knows
            // its port: 5000 under dotnet run, a random one in tests.
            o.BaseAddress = SelfAddress.Find(sp.GetRequiredService<IServer>());
            o.AddStandardResilience();
            o.AddCache();
        });
        return services;
    }

    /// <summary>Maps <c>/client</c>, and <c>/time</c>, the cacheable route it calls.</summary>
    /// <param name="endpoints">The endpoints.</param>
    /// <returns>The endpoints, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="endpoints"/> is <see langword="null"/>.</exception>
    public static IEndpointRouteBuilder MapClientDemo(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The customer route is not cacheable (a POST may replace the customer at any time), so the cache is shown on
        // a route whose answer is meant to be kept: the time, fresh for a minute.
        endpoints.MapGet("/time", (HttpContext context, TimeProvider time) =>
        {
            context.Response.CacheControl(new CacheControlOptions { MaxAge = TimeMaxAge });
            return Respond.Text(time.GetUtcNow().ToString("O"));
        });

        endpoints.MapGet("/client", async (HttpContext context, SampleSiteClient client, CancellationToken cancellationToken) =>
        {
            // An in-memory test server reports the configured URL as its address but listens on no socket, so calls to
            // it would reach whatever else holds that port; a request that came over no connection says so.
            if (context.Connection.LocalIpAddress is null || client.BaseAddress is not { } baseAddress)
            {
                return (IResult)TypedResults.Problem(
                    "The client demo calls this app over its own socket, and this server listens on none (an in-memory "
                    + "test server has none). Run the app with 'dotnet run --project samples/WebApp', or on Kestrel.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // One after another, as a reader follows the table: the second call of each pair shows the cache at work.
            ClientCall[] calls =
            [
                await client.GetCustomerAsync(1, cancellationToken),
                await client.GetCustomerAsync(1, cancellationToken),
                await client.GetTimeAsync(cancellationToken),
                await client.GetTimeAsync(cancellationToken),
                await client.GetTeapotAsync(cancellationToken),
                await client.FollowRedirectAsync(cancellationToken),
            ];
            return Respond.Html(html => ClientDemoPage.Render(html, baseAddress, calls));
        });

        return endpoints;
    }
}
