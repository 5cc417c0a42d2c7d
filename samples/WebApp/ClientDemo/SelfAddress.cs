using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace WebApp.ClientDemo;

/// <summary>The address this app can call itself on: one the server actually listens on.</summary>
/// <remarks>
/// Taken from the server's addresses rather than the request's <c>Host</c> header: the header is the caller's to
/// choose, so a base address built from it would let any caller point the app's own client at another server.
/// </remarks>
public static class SelfAddress
{
    /// <summary>
    /// Finds an address the server listens on, preferring plain HTTP (a call to itself gains nothing from TLS, and the
    /// development certificate need not be trusted), with a wildcard host made into a loopback one.
    /// </summary>
    /// <param name="server">The running server.</param>
    /// <returns>The root address, ending in <c>/</c>, or <see langword="null"/> when the server has no TCP address
    /// (a test server, or before the server has started).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="server"/> is <see langword="null"/>.</exception>
    public static Uri? Find(IServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Uri? found = null;
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            // BindingAddress understands what Uri does not: "*" and "+" hosts, unix sockets, named pipes.
            var binding = BindingAddress.Parse(address);
            if (binding.IsUnixPipe || binding.IsNamedPipe || binding.Port <= 0)
            {
                continue;
            }

            var host = binding.Host switch
            {
                "0.0.0.0" => "127.0.0.1",
                "*" or "+" or "[::]" => "localhost",
                var h => h,
            };
            var uri = new UriBuilder(binding.Scheme, host, binding.Port, binding.PathBase + "/").Uri;
            if (uri.Scheme == Uri.UriSchemeHttp)
            {
                return uri;
            }

            found ??= uri;
        }

        return found;
    }
}
