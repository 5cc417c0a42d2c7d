using Herald.Responses;
using Herald.Responses.Negotiation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Herald's content negotiation (Ktor's <c>install(ContentNegotiation)</c>).</summary>
public static class ContentNegotiationServiceCollectionExtensions
{
    /// <summary>Registers content negotiation with JSON alone, through the application's <c>JsonOptions</c>.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddContentNegotiation(this IServiceCollection services) =>
        services.AddContentNegotiation(static o => o.AddJson());

    /// <summary>
    /// Registers content negotiation for <c>Respond.Negotiated</c>, <c>HttpContext.RespondAsync</c>,
    /// <c>HttpContext.ReceiveAsync</c> and <see cref="Negotiated{T}"/> parameters:
    /// <c>builder.Services.AddContentNegotiation(o =&gt; o.AddJson().AddXml().AddText())</c>.
    /// </summary>
    /// <remarks>
    /// The options are validated when the application starts (at least one converter, each with a concrete media type);
    /// a failure stops startup with an <see cref="OptionsValidationException"/> that says what to change. Calling this
    /// again adds to the same options. A <see cref="ContentReceiveException"/> escaping an endpoint (from
    /// <c>HttpContext.ReceiveAsync</c>) is answered with its status (400, 413, 415) and a problem-details body: by a small
    /// middleware in an app without exception handling, by an <c>IExceptionHandler</c> under <c>UseExceptionHandler()</c>,
    /// and by an <c>IDeveloperPageExceptionFilter</c> under the developer exception page.
    /// </remarks>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Adds converters and sets options.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddContentNegotiation(this IServiceCollection services, Action<ContentNegotiationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ContentNegotiationOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentNegotiationOptions>, ContentNegotiationOptionsValidator>());
        services.TryAddSingleton(static sp => new ContentNegotiator(sp.GetRequiredService<IOptions<ContentNegotiationOptions>>(), sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ContentReceiveStartupFilter>());

        // The middleware above is outermost, so an app's UseExceptionHandler() or the developer exception page would
        // catch a ContentReceiveException first and answer 500 or a stack trace; these answer it there instead.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, ContentReceiveExceptionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeveloperPageExceptionFilter, ContentReceiveDeveloperPageFilter>());
        return services;
    }
}
