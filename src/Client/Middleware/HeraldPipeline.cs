using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Creates the handlers a <see cref="HeraldClient"/> is built from, for hosts that assemble the handler chain
/// themselves, such as <c>IHttpClientFactory</c>: the transport (innermost) and the middleware of
/// <see cref="HeraldClientOptions.Middleware"/>. Chain them, outermost first, over the transport, and give the
/// resulting <see cref="HttpClient"/> to <see cref="HeraldClient(HttpClient, HeraldClientOptions)"/>.
/// </summary>
/// <remarks>
/// <see cref="HeraldClient(HeraldClientOptions)"/> builds its own chain with these same two methods, so a client built
/// either way behaves the same.
/// </remarks>
public static class HeraldPipeline
{
    /// <summary>
    /// Creates the innermost handler: <see cref="HeraldClientOptions.TransportHandler"/> when it is set, else a
    /// <see cref="SocketsHttpHandler"/> configured from <see cref="HeraldClientOptions.Transport"/> (pool, timeouts,
    /// proxy, TLS; its own redirects, cookies and decompression off) under Herald's thin transport policy handler (HTTP
    /// version, read timeout, clear connect and TLS errors), with the progress reporter on top (it counts wire bytes,
    /// so it sits under every middleware). The caller owns it and disposes it.
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <returns>A new handler.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a transport option is out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Thrown when transport options contradict each other.</exception>
    public static HttpMessageHandler CreateTransport(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Progress sits on the transport, under every middleware, so that it counts wire bytes on each hop.
        return ProgressHandler.Over(options.TransportHandler?.Invoke() ?? TransportFactory.Create(options), options);
    }

    /// <summary>
    /// Creates one new handler for each entry of <see cref="HeraldClientOptions.Middleware"/>, outermost first, none
    /// of them chained yet (<see cref="DelegatingHandler.InnerHandler"/> is <see langword="null"/>).
    /// </summary>
    /// <param name="options">The client options.</param>
    /// <returns>The handlers, outermost first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a middleware's options are invalid; the message names the property.</exception>
    /// <exception cref="InvalidOperationException">Thrown when a middleware factory returns <see langword="null"/>, or a
    /// handler that is already in a pipeline or already returned for another entry.</exception>
    public static IReadOnlyList<DelegatingHandler> CreateMiddleware(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = new List<DelegatingHandler>(options.Middleware.Count);
        foreach (var (name, factory) in options.Middleware)
        {
            var handler = factory()
                ?? throw new InvalidOperationException($"The factory of middleware '{name}' returned null.");
            if (handler.InnerHandler is not null || handlers.Contains(handler))
            {
                throw new InvalidOperationException(
                    $"The factory of middleware '{name}' returned a handler that is already in a pipeline; return a new handler each time.");
            }

            handlers.Add(handler);
        }

        return handlers;
    }
}
