using Herald.Client;
using Herald.Client.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Herald clients on <see cref="System.Net.Http.IHttpClientFactory"/>: named clients (created through
/// <see cref="IHeraldClientFactory"/>), typed clients (a class that takes a <see cref="HeraldClient"/> in its
/// constructor) and a default client (<see cref="HeraldClient"/> itself, resolved per scope).
/// </summary>
/// <remarks>
/// <para>Each name has its <see cref="HeraldClientOptions"/> as named options, read through
/// <see cref="IOptionsMonitor{TOptions}"/>: configure them here, with <c>.ConfigureHeraldClient(...)</c>, or with
/// <c>services.Configure&lt;HeraldClientOptions&gt;(name, ...)</c>. The factory owns the handler chain of each name:
/// the transport built from <see cref="HeraldClientOptions.Transport"/> (pool, proxy, TLS) is its primary handler,
/// Herald's middleware from <see cref="HeraldClientOptions.Middleware"/> (in its order) its message handlers, and it
/// rotates the chain every <c>HandlerLifetime</c> (two minutes unless set with
/// <c>.HttpClientBuilder.SetHandlerLifetime(...)</c>).</para>
/// <para>Clients of one name share one cookie jar, <see cref="CookieJarOptions.Store"/> of the name's options, across
/// clients and handler rotations, so a session set through one client is sent by the next; different names never
/// share cookies unless given the same store. The jar lives as long as the name's options object: if the options are
/// reloaded (a configuration change token), the new options start a new jar unless you set
/// <see cref="CookieJarOptions.Store"/> to a store you keep (a singleton from the container, say).</para>
/// <para>The middleware handlers are created for each handler chain, so what a middleware keeps in itself (a loaded
/// bearer token, say) starts afresh after each rotation and is shared by every client of the name until then. The
/// resilience pipeline is the exception: it belongs to the name's options, so its circuit breaker stays open across
/// rotations and is shared by every client of the name (read it with
/// <c>IOptionsMonitor&lt;HeraldClientOptions&gt;.Get(name).GetCircuitState()</c>); like the jar, reloaded options
/// start a new one.</para>
/// <para>Logging goes to the container's <c>ILoggerFactory</c> unless <see cref="ClientLoggingOptions.Logger"/> or
/// <see cref="ClientLoggingOptions.LoggerFactory"/> is set. The factory also logs each request itself; call
/// <c>.HttpClientBuilder.RemoveAllLoggers()</c> to keep only Herald's log.</para>
/// </remarks>
public static class HeraldClientServiceCollectionExtensions
{
    /// <summary>Registers the default Herald client: resolve <see cref="HeraldClient"/> (one per scope) or call <see cref="HeraldClientFactoryExtensions.CreateClient(IHeraldClientFactory)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options, with the container at hand, or <see langword="null"/>.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder AddHeraldClient(this IServiceCollection services, Action<IServiceProvider, HeraldClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = AddHeraldClientCore(services, Options.Options.DefaultName);
        services.TryAddScoped(static sp => sp.GetRequiredService<IHeraldClientFactory>().CreateClient(Options.Options.DefaultName));
        return configure is null ? builder : builder.ConfigureHeraldClient(configure);
    }

    /// <summary>Registers the default Herald client (see <see cref="AddHeraldClient(IServiceCollection, Action{IServiceProvider, HeraldClientOptions}?)"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder AddHeraldClient(this IServiceCollection services, Action<HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddHeraldClient((_, options) => configure(options));
    }

    /// <summary>Registers a named Herald client; create it with <see cref="IHeraldClientFactory.CreateClient(string)"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name; registering it again adds to its configuration.</param>
    /// <param name="configure">Configures the options, with the container at hand, or <see langword="null"/>.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder AddHeraldClient(this IServiceCollection services, string name, Action<IServiceProvider, HeraldClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var builder = AddHeraldClientCore(services, name);
        return configure is null ? builder : builder.ConfigureHeraldClient(configure);
    }

    /// <summary>Registers a named Herald client (see <see cref="AddHeraldClient(IServiceCollection, string, Action{IServiceProvider, HeraldClientOptions}?)"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder AddHeraldClient(this IServiceCollection services, string name, Action<HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddHeraldClient(name, (_, options) => configure(options));
    }

    /// <summary>
    /// Registers a typed client: <typeparamref name="TClient"/>, resolved as a transient service, gets a new
    /// <see cref="HeraldClient"/> of the name <c>typeof(TClient).Name</c> in its constructor, as typed
    /// <see cref="HttpClient"/>s do.
    /// </summary>
    /// <typeparam name="TClient">The typed client; its constructor takes a <see cref="HeraldClient"/> and any services.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options, with the container at hand, or <see langword="null"/>.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <typeparamref name="TClient"/> has no public constructor to call.</exception>
    public static IHeraldClientBuilder AddHeraldClient<TClient>(this IServiceCollection services, Action<IServiceProvider, HeraldClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHeraldClient(typeof(TClient).Name, configure).AddTypedClient<TClient>();
    }

    /// <summary>Registers a typed client (see <see cref="AddHeraldClient{TClient}(IServiceCollection, Action{IServiceProvider, HeraldClientOptions}?)"/>).</summary>
    /// <typeparam name="TClient">The typed client; its constructor takes a <see cref="HeraldClient"/> and any services.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <typeparamref name="TClient"/> has no public constructor to call.</exception>
    public static IHeraldClientBuilder AddHeraldClient<TClient>(this IServiceCollection services, Action<HeraldClientOptions> configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddHeraldClient<TClient>((_, options) => configure(options));
    }

    /// <summary>
    /// Registers a typed client behind an interface: <typeparamref name="TClient"/> resolves to a
    /// <typeparamref name="TImplementation"/> that gets a <see cref="HeraldClient"/> of the name <c>typeof(TClient).Name</c>.
    /// </summary>
    /// <typeparam name="TClient">The service type, often an interface.</typeparam>
    /// <typeparam name="TImplementation">The class; its constructor takes a <see cref="HeraldClient"/> and any services.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options, with the container at hand, or <see langword="null"/>.</param>
    /// <returns>A builder to configure the client further.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <typeparamref name="TImplementation"/> has no public constructor to call.</exception>
    public static IHeraldClientBuilder AddHeraldClient<TClient, TImplementation>(this IServiceCollection services, Action<IServiceProvider, HeraldClientOptions>? configure = null)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddHeraldClient(typeof(TClient).Name, configure).AddTypedClient<TClient, TImplementation>();
    }

    private static HeraldClientBuilder AddHeraldClientCore(IServiceCollection services, string name)
    {
        services.AddOptions();
        var registry = HeraldClientRegistry.Of(services);
        services.TryAddSingleton<IHeraldClientFactory, DefaultHeraldClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HeraldClientOptions>, HeraldClientOptionsSetup>());

        var http = services.AddHttpClient(name);
        if (registry.Add(name))
        {
            // The HeraldClient applies HeraldClientOptions.Timeout itself, so it can tell a timeout from a cancellation.
            http.ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);
            http.ConfigurePrimaryHttpMessageHandler(sp => HeraldPipeline.CreateTransport(OptionsOf(sp, name)));
            http.ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                // Outermost, in their own order: framework handlers added to the builder sit inside, above the transport.
                var middleware = HeraldPipeline.CreateMiddleware(OptionsOf(sp, name));
                for (var i = 0; i < middleware.Count; i++)
                {
                    handlers.Insert(i, middleware[i]);
                }
            });
        }

        return new HeraldClientBuilder(name, services, http);
    }

    private static HeraldClientOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<HeraldClientOptions>>().Get(name);
}
