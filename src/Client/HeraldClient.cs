using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// An outbound HTTP client: thread-safe, reusable, built once from <see cref="HeraldClientOptions"/> into a chain of
/// middleware over a <see cref="SocketsHttpHandler"/>. Create one per remote service and keep it; dispose it when done.
/// </summary>
public sealed class HeraldClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client with default options.</summary>
    public HeraldClient()
        : this(new HeraldClientOptions())
    {
    }

    /// <summary>Creates a client, configuring default options first.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="configure"/> is <see langword="null"/>.</exception>
    public HeraldClient(Action<HeraldClientOptions> configure)
        : this(Configure(configure))
    {
    }

    /// <summary>Creates a client from <paramref name="options"/>; later changes to the options do not affect it.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    public HeraldClient(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _http = new HttpClient(BuildPipeline(options), disposeHandler: true)
        {
            BaseAddress = options.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Gets the options this client was built from.</summary>
    public HeraldClientOptions Options { get; }

    /// <summary>Sends <paramref name="request"/> through the middleware.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    public async Task<HeraldResponse> SendAsync(HeraldRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(request.Method, request.Url);
        request.CopyOptionsTo(message);
        var exchange = HeraldExchange.Of(message);
        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new HeraldResponse(response, exchange);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static HeraldClientOptions Configure(Action<HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new HeraldClientOptions();
        configure(options);
        return options;
    }

    private static HttpMessageHandler BuildPipeline(HeraldClientOptions options)
    {
        HttpMessageHandler inner = options.TransportHandler?.Invoke() ?? TransportFactory.Create(options);
        var factories = options.Middleware.Select(e => e.Value).Reverse();
        foreach (var factory in factories)
        {
            var handler = factory();
            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }
}
