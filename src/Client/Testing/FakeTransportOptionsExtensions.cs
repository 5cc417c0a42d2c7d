namespace Herald.Client.Testing;

/// <summary>Installs a <see cref="FakeTransport"/> in <see cref="HeraldClientOptions"/>.</summary>
public static class FakeTransportOptionsExtensions
{
    /// <summary>
    /// Makes <paramref name="fake"/> the innermost handler of clients built from these options, in place of the real
    /// transport; all middleware still runs above it.
    /// </summary>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static HeraldClientOptions UseFakeTransport(this HeraldClientOptions options, FakeTransport fake)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fake);
        options.TransportHandler = () => fake;
        return options;
    }
}
