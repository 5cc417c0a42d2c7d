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
    /// starts each call's exchange with the client's base address (see <see cref="HeraldExchange.BaseAddress"/>).
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

        inner = new StartExchange(options.BaseAddress) { InnerHandler = inner };
        return new HttpClient(inner) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Creates options with defaults, configured by <paramref name="configure"/>.</summary>
    public static HeraldClientOptions Options(Action<HeraldClientOptions>? configure = null)
    {
        var options = new HeraldClientOptions();
        configure?.Invoke(options);
        return options;
    }

    /// <summary>What <see cref="HeraldClient"/> does when it starts a call: attach the exchange with the base address.</summary>
    private sealed class StartExchange(Uri? baseAddress) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HeraldExchange.Of(request).BaseAddress ??= baseAddress;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
