using Microsoft.Extensions.Options;

namespace Herald.Client;

/// <summary>Convenience methods on <see cref="IHeraldClientFactory"/>.</summary>
public static class HeraldClientFactoryExtensions
{
    /// <summary>Creates the default client, registered with <c>services.AddHeraldClient(...)</c> without a name.</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>A new client.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no default client is registered, or its options are invalid.</exception>
    public static HeraldClient CreateClient(this IHeraldClientFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(Options.DefaultName);
    }
}
