using Microsoft.Extensions.Options;

namespace Herald.Client.DependencyInjection;

/// <summary>
/// Creates Herald clients over <see cref="IHttpClientFactory"/>'s clients: the factory builds, pools and rotates the
/// handler chain (Herald's middleware over its transport) for each name, and each <see cref="HeraldClient"/> applies
/// the name's options (timeout, errors, coercion) on top.
/// </summary>
internal sealed class DefaultHeraldClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<HeraldClientOptions> options,
    HeraldClientRegistry registry) : IHeraldClientFactory
{
    public HeraldClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Contains(name))
        {
            var registered = string.Join(", ", registry.Names.Select(n => n.Length == 0 ? "(default)" : $"'{n}'"));
            throw new InvalidOperationException(
                $"No Herald client is registered as {Describe(name)}; register it with {Registration(name)}. "
                + $"Registered: {(registered.Length == 0 ? "none" : registered)}.");
        }

        var clientOptions = options.Get(name);
        HttpClient? http = null;
        try
        {
            // The factory builds the name's handler chain on first use and after each rotation, so invalid transport
            // or middleware options surface here; the client checks its own options when it is constructed.
            http = httpClientFactory.CreateClient(name);
            return new HeraldClient(http, clientOptions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            http?.Dispose();
            throw new InvalidOperationException(
                $"The Herald client {Describe(name)} cannot be created from its options: {ex.Message} "
                + $"Fix them in {Registration(name)} or services.Configure<HeraldClientOptions>(\"{name}\", ...).",
                ex);
        }
    }

    private static string Describe(string name) => name.Length == 0 ? "(the default client)" : $"'{name}'";

    private static string Registration(string name) =>
        name.Length == 0 ? "services.AddHeraldClient(...)" : $"services.AddHeraldClient(\"{name}\", ...)";
}
