using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Client.DependencyInjection;

/// <summary>
/// Finishes each named <see cref="HeraldClientOptions"/> after the user's configuration: logging goes to the
/// container's <see cref="ILoggerFactory"/> unless a logger was given, and what every client of the name would
/// otherwise prepare again (the read-only JSON options, the cookie jar) is prepared once on the cached options object.
/// </summary>
internal sealed class HeraldClientOptionsSetup(IServiceProvider services) : IPostConfigureOptions<HeraldClientOptions>
{
    public void PostConfigure(string? name, HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Logging.Logger is null && options.Logging.LoggerFactory is null)
        {
            options.Logging.LoggerFactory = services.GetService<ILoggerFactory>();
        }

        // The factory hands out a client per use, and each client keeps a read-only copy of writable JSON options:
        // copy once here so clients share one copy and its metadata cache.
        if (options.JsonSerializerOptions is { IsReadOnly: false } json)
        {
            var copy = new JsonSerializerOptions(json);
            copy.MakeReadOnly(populateMissingResolver: true);
            options.JsonSerializerOptions = copy;
        }

        // The default store is created on first read; read it now, while one thread owns these options, so the
        // handler chain and every client of the name get the same jar (and the clock the user configured).
        _ = options.Cookies.Store;
    }
}
