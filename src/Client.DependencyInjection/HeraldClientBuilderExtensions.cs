using Herald.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures a Herald client registered with <c>services.AddHeraldClient(...)</c>.</summary>
public static class HeraldClientBuilderExtensions
{
    /// <summary>
    /// Adds a configuration step for the client's <see cref="HeraldClientOptions"/>, run after the earlier ones
    /// with the container at hand (for services such as an <c>IDistributedCache</c> or a secret store).
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder ConfigureHeraldClient(this IHeraldClientBuilder builder, Action<IServiceProvider, HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<HeraldClientOptions>(builder.Name)
            .Configure<IServiceProvider>((options, services) => configure(services, options));
        return builder;
    }

    /// <summary>Adds a configuration step for the client's <see cref="HeraldClientOptions"/>, run after the earlier ones.</summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IHeraldClientBuilder ConfigureHeraldClient(this IHeraldClientBuilder builder, Action<HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a transient typed client of this client's name: each instance gets
    /// a new <see cref="HeraldClient"/> from <see cref="IHeraldClientFactory"/> in its constructor.
    /// </summary>
    /// <typeparam name="TClient">The typed client; its constructor takes a <see cref="HeraldClient"/> and any services.</typeparam>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <typeparamref name="TClient"/> has no public constructor to call.</exception>
    public static IHeraldClientBuilder AddTypedClient<TClient>(this IHeraldClientBuilder builder)
        where TClient : class =>
        builder.AddTypedClient<TClient, TClient>();

    /// <summary>
    /// Registers <typeparamref name="TClient"/>, implemented by <typeparamref name="TImplementation"/>, as a transient
    /// typed client of this client's name.
    /// </summary>
    /// <typeparam name="TClient">The service type, often an interface.</typeparam>
    /// <typeparam name="TImplementation">The class; its constructor takes a <see cref="HeraldClient"/> and any services.</typeparam>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when <typeparamref name="TImplementation"/> has no public constructor to call.</exception>
    public static IHeraldClientBuilder AddTypedClient<TClient, TImplementation>(this IHeraldClientBuilder builder)
        where TClient : class
        where TImplementation : class, TClient
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Resolved once here, so activating a typed client costs no reflection.
        var create = ActivatorUtilities.CreateFactory<TImplementation>([typeof(HeraldClient)]);
        var name = builder.Name;
        builder.Services.AddTransient<TClient>(services =>
            create(services, [services.GetRequiredService<IHeraldClientFactory>().CreateClient(name)]));
        return builder;
    }
}
