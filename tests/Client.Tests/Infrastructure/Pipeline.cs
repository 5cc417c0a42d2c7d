using Herald.Client.Internal;

namespace Herald.Client.Tests.Infrastructure;

/// <summary>
/// Builds the same handler chain a <see cref="HeraldClient"/> builds (the options' middleware over the transport
/// from <see cref="TransportFactory"/>) behind a plain <see cref="HttpClient"/>, for tests that need request headers
/// or bodies that <see cref="HeraldRequest"/> does not carry yet.
/// </summary>
public static class Pipeline
{
    /// <summary>
    /// Creates an <see cref="HttpClient"/> over the real middleware and transport. Like <see cref="HeraldClient"/> it
    /// starts each call's exchange with the client's base address, replay cap and URL display setting.
    /// </summary>
    public static HttpClient CreateHttpClient(HeraldClientOptions options)
    {
        HttpMessageHandler inner = options.TransportHandler?.Invoke() ?? TransportFactory.Create(options);
        foreach (var factory in options.Middleware.Select(e => e.Value).Reverse())
        {
            var handler = factory();
            handler.InnerHandler = inner;
            inner = handler;
        }

        inner = new StartExchange(options) { InnerHandler = inner };
        return new HttpClient(inner) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Creates options with defaults, configured by <paramref name="configure"/>.</summary>
    public static HeraldClientOptions Options(Action<HeraldClientOptions>? configure = null)
    {
        var options = new HeraldClientOptions();
        configure?.Invoke(options);
        return options;
    }

    /// <summary>What <see cref="HeraldClient"/> does when it starts a call: attach the exchange with the client's settings.</summary>
    private sealed class StartExchange(HeraldClientOptions options) : DelegatingHandler
    {
        private readonly Uri? _baseAddress = options.BaseAddress;
        private readonly long _maxReplay = options.MaxReplayBufferBytes;
        private readonly bool _showQuery = options.Logging.LogQueryStrings;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var exchange = HeraldExchange.Of(request);
            exchange.BaseAddress ??= _baseAddress;
            exchange.MaxReplayBufferBytes = _maxReplay;
            exchange.ShowQuery = _showQuery;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
