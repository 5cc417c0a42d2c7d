using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// An outbound HTTP client: thread-safe, reusable, built once from <see cref="HeraldClientOptions"/> into a chain of
/// middleware over a <see cref="SocketsHttpHandler"/>. Create one per remote service and keep it; dispose it when done.
/// </summary>
/// <remarks>
/// <para>Every call builds the request (URL, query, headers, body), passes it through the middleware in
/// <see cref="HeraldClientOptions.Middleware"/>, then applies what the client owns: the <see cref="HeraldClientOptions.Timeout"/>,
/// the success check (<see cref="HeraldHttpException"/>) and the body coercion (<see cref="ResponseBodyKind"/>).
/// Middleware therefore sees raw responses, errors included.</para>
/// </remarks>
public sealed class HeraldClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientSettings _settings;
    private readonly HttpMessageHandler? _pipeline;
    private bool _disposed;

    /// <summary>Creates a client with default options.</summary>
    public HeraldClient()
        : this(new HeraldClientOptions())
    {
    }

    /// <summary>Creates a client, configuring default options first.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid; the message names it.</exception>
    public HeraldClient(Action<HeraldClientOptions> configure)
        : this(Configure(configure))
    {
    }

    /// <summary>
    /// Creates a client from <paramref name="options"/>. The options are read now: later changes to them do not affect
    /// this client, and the same options can build more clients, each with its own middleware instances.
    /// </summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid; the message names it.</exception>
    public HeraldClient(HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = ClientSettings.From(options);
        Cookies = options.Cookies.Store;
        _pipeline = BuildPipeline(options);
        _http = new HttpClient(_pipeline, disposeHandler: true)
        {
            // The client applies its own whole-call timeout, so that it can tell a timeout from a cancellation.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>, whose handler chain the caller built (an
    /// <c>IHttpClientFactory</c> client over <see cref="HeraldPipeline"/>'s handlers, say), and applies everything else
    /// of <paramref name="options"/> as <see cref="HeraldClient(HeraldClientOptions)"/> does: base address, default
    /// headers, user agent, the whole-call <see cref="HeraldClientOptions.Timeout"/>, the success check and the body
    /// coercion. <see cref="HeraldClientOptions.Middleware"/> and <see cref="HeraldClientOptions.Transport"/> are not
    /// used: the chain under <paramref name="httpClient"/> stands for them.
    /// </summary>
    /// <remarks>
    /// <para><see cref="Dispose"/> disposes <paramref name="httpClient"/>, which cancels this client's calls in flight;
    /// the handlers under it are disposed with it only when <paramref name="httpClient"/> was created to dispose them,
    /// which <c>IHttpClientFactory</c>'s clients are not, so its pooled handlers and connections live on.</para>
    /// <para>Set <see cref="HttpClient.Timeout"/> to <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> so that
    /// <see cref="HeraldClientOptions.Timeout"/> alone limits a call; otherwise the shorter of the two applies (either
    /// raises <see cref="HeraldTimeoutException"/>). <see cref="Cookies"/> is <see cref="CookieJarOptions.Store"/> of
    /// <paramref name="options"/>: give the same options to every client over one chain and they share one jar.</para>
    /// </remarks>
    /// <param name="httpClient">The client to send through; its <see cref="HttpClient.BaseAddress"/> is not used.</param>
    /// <param name="options">The options; read now, as for <see cref="HeraldClient(HeraldClientOptions)"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid; the message names it.</exception>
    public HeraldClient(HttpClient httpClient, HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _settings = ClientSettings.From(options);
        Cookies = options.Cookies.Store;
        _http = httpClient;
    }

    /// <summary>Gets the base address relative URLs resolve against, as it was when the client was built.</summary>
    public Uri? BaseAddress => _settings.BaseAddress;

    /// <summary>
    /// Gets the cookie store this client's cookie middleware keeps and sends cookies from (the jar): read it to see
    /// what the servers set, add to it, or clear it. Share one store between clients through
    /// <see cref="CookieJarOptions.Store"/>.
    /// </summary>
    public ICookieStore Cookies { get; }

    /// <summary>
    /// The outermost handler: the first middleware, or the transport when there is none; <see langword="null"/> for a
    /// client over a caller's <see cref="HttpClient"/>.
    /// </summary>
    internal HttpMessageHandler? Pipeline => _pipeline;

    /// <summary>Sends a GET request.</summary>
    /// <param name="url">An absolute URL, or one relative to <see cref="HeraldClientOptions.BaseAddress"/>.</param>
    /// <param name="configure">Sets headers, query, body and options on the request, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call; the connection is freed.</param>
    /// <returns>The response.</returns>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="HeraldTimeoutException">Thrown when the call times out.</exception>
    /// <exception cref="HttpRequestException">Thrown when the request fails in the transport (connection refused, unknown host, …).</exception>
    public Task<HeraldResponse> GetAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, url, configure, cancellationToken);

    /// <summary>Sends a HEAD request: headers only, <see cref="HeraldResponse.Body"/> is <see langword="null"/>.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> HeadAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Head, url, configure, cancellationToken);

    /// <summary>Sends a POST request; set its body in <paramref name="configure"/>.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> PostAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, url, configure, cancellationToken);

    /// <summary>Sends a PUT request; set its body in <paramref name="configure"/>.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> PutAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, url, configure, cancellationToken);

    /// <summary>Sends a DELETE request.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> DeleteAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, url, configure, cancellationToken);

    /// <summary>Sends a PATCH request; set its body in <paramref name="configure"/>.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> PatchAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, url, configure, cancellationToken);

    /// <summary>Sends an OPTIONS request.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    public Task<HeraldResponse> OptionsAsync(string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Options, url, configure, cancellationToken);

    /// <summary>Sends a request with any method, given by name (<c>"COPY"</c>, <c>"MOVE"</c>, <c>"PROPFIND"</c>), as Ballerina's <c>execute</c>.</summary>
    /// <param name="method">The method name: an RFC 9110 token.</param>
    /// <param name="url">An absolute URL, or one relative to <see cref="HeraldClientOptions.BaseAddress"/>.</param>
    /// <param name="configure">Sets headers, query, body and options on the request, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call; the connection is freed.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="method"/> is not a valid method name.</exception>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="HeraldTimeoutException">Thrown when the call times out.</exception>
    public Task<HeraldResponse> SendAsync(string method, string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default) =>
        SendAsync(HeraldRequest.ParseMethod(method), url, configure, cancellationToken);

    /// <summary>Sends a request with the given method.</summary>
    /// <inheritdoc cref="GetAsync(string, Action{HeraldRequest}?, CancellationToken)"/>
    /// <param name="method">The method.</param>
    /// <param name="url">An absolute URL, or one relative to <see cref="HeraldClientOptions.BaseAddress"/>.</param>
    /// <param name="configure">Sets headers, query, body and options on the request, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call; the connection is freed.</param>
    public Task<HeraldResponse> SendAsync(HttpMethod method, string url, Action<HeraldRequest>? configure = null, CancellationToken cancellationToken = default)
    {
        var request = new HeraldRequest(method, url);
        configure?.Invoke(request);
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> through the middleware.</summary>
    /// <param name="request">The request; it can be sent again later.</param>
    /// <param name="cancellationToken">Cancels the call; the connection is freed.</param>
    /// <returns>The response. Dispose it, at least when its body is a stream.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="HeraldTimeoutException">Thrown when the call times out.</exception>
    /// <exception cref="HeraldCoercionException">Thrown when a successful response's body cannot be converted as asked.</exception>
    /// <exception cref="HttpRequestException">Thrown when the request fails in the transport (connection refused, unknown host, …).</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled, or something in the pipeline cancels the call.</exception>
    /// <exception cref="ObjectDisposedException">Thrown when the client is disposed, before or during the call.</exception>
    public Task<HeraldResponse> SendAsync(HeraldRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/>, returning <see langword="null"/> instead of throwing when the host name does
    /// not resolve (clj-http's <c>:ignore-unknown-host?</c>). A separate method, so that ordinary calls never return null.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call; the connection is freed.</param>
    /// <returns>The response, or <see langword="null"/> when the host is unknown.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="HeraldHttpException">Thrown when the status is outside the success set and throwing is on.</exception>
    /// <exception cref="HeraldTimeoutException">Thrown when the call times out.</exception>
    public async Task<HeraldResponse?> TrySendAsync(HeraldRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await SendCoreAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex is not HeraldHttpException && FailureKinds.IsUnknownHost(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> in callback style, for parity with clj-http's <c>:async? true</c>: exactly one
    /// of <paramref name="respond"/> (with the response) and <paramref name="raise"/> (with the exception, an
    /// <see cref="HeraldHttpException"/> or a cancellation included) runs. Named without <c>Async</c> because the
    /// result is delivered to the callbacks; the returned task completes after the callback and can be awaited or
    /// ignored. It faults only when the callback itself throws.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="respond">Receives the response; it owns it and disposes it.</param>
    /// <param name="raise">Receives the failure.</param>
    /// <param name="cancellationToken">Cancels the call; <paramref name="raise"/> then gets an <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the callback has run.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public Task Send(HeraldRequest request, Action<HeraldResponse> respond, Action<Exception> raise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(respond);
        ArgumentNullException.ThrowIfNull(raise);
        return SendWithCallbacksAsync(request, respond, raise, cancellationToken);
    }

    /// <summary>
    /// Disposes the client and its connections. Calls still in flight fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _http.Dispose();
    }

    private async Task SendWithCallbacksAsync(
        HeraldRequest request, Action<HeraldResponse> respond, Action<Exception> raise, CancellationToken cancellationToken)
    {
        HeraldResponse response;
        try
        {
            // Yield first so the caller gets the task back at once even when the request fails synchronously.
            await Task.Yield();
            response = await SendCoreAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            raise(ex);
            return;
        }

        respond(response);
    }

    private async Task<HeraldResponse> SendCoreAsync(HeraldRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        var settings = _settings;
        var time = settings.TimeProvider;
        var timeout = request.TimeoutValue ?? settings.Timeout;
        var kind = request.BodyKind ?? settings.ResponseBody;
        var isSuccess = request.SuccessStatusValue ?? settings.IsSuccessStatus;
        var throwOnError = request.ThrowOnErrorValue ?? settings.ThrowOnError;

        using var message = MessageFactory.Create(request, settings);
        var exchange = HeraldExchange.Of(message);
        exchange.BaseAddress = settings.BaseAddress; // client-wide credentials are scoped to the base address's origin
        exchange.ShowQuery = settings.ShowQuery;
        exchange.MaxReplayBufferBytes = settings.MaxReplayBufferBytes;
        exchange.BuffersResponseBody = kind != ResponseBodyKind.Stream; // lets a retry cover a body cut off midway
        if (settings.CredentialsPerCall)
        {
            ScopedCredentials.EnterCall(message.RequestUri!);
        }
        using var timeoutSource = timeout == System.Threading.Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, time);
        // A caller's token that can never fire needs no linking: the timeout's own token is the call's token.
        using var linked = timeoutSource is null || !cancellationToken.CanBeCanceled
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? timeoutSource?.Token ?? cancellationToken;

        var started = time.GetTimestamp();
        HeraldResponse? response = null;
        try
        {
            var responseMessage = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            responseMessage.RequestMessage ??= message;
            response = new HeraldResponse(responseMessage, exchange)
            {
                BodyKind = kind,
                DecodeBodyHeaders = request.DecodeBodyHeadersValue ?? settings.DecodeBodyHeaders,
                JsonOptions = request.JsonOptionsValue ?? settings.JsonOptions,
            };
            response.IsSuccess = isSuccess(response.Status);
            var willThrow = throwOnError && !response.IsSuccess;

            if (kind != ResponseBodyKind.Stream || willThrow)
            {
                await response.BufferAsync(token);
            }

            response.Elapsed = time.GetElapsedTime(started);
            if (kind == ResponseBodyKind.Stream)
            {
                response.Body = response.HasNoBodyByDefinition ? null : await response.ReadStreamAsync(token);
            }
            else
            {
                response.Body = Coerce(response, kind, request.CoerceModeValue ?? settings.CoerceMode, settings.ShowQuery);
            }

            if (willThrow)
            {
                var bytes = response.BufferedBytes!;
                throw new HeraldHttpException(response, bytes.Length == 0 ? null : response.DecodeText(bytes), settings.ShowQuery);
            }

            return response;
        }
        catch (Exception ex) when (ex is HeraldHttpException or HeraldCoercionException)
        {
            throw; // they carry the response: the caller disposes it
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
        {
            // Report the caller's own token, not the linked one the transport saw, so callers can tell it is theirs.
            response?.Dispose();
            throw new TaskCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (Volatile.Read(ref _disposed) && ex is OperationCanceledException or ObjectDisposedException or HttpRequestException)
        {
            // Disposing the client cancels the calls in flight and closes their connections: say so, rather than let
            // it pass for a timeout or a network failure.
            response?.Dispose();
            throw new ObjectDisposedException(
                $"The HeraldClient was disposed while {message.Method.Method} {DisplayUrl.Of(message.RequestUri, settings.ShowQuery)} was in flight; "
                + "dispose a client only after its calls have finished.",
                ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeoutSource?.IsCancellationRequested == true)
        {
            response?.Dispose();
            throw new HeraldTimeoutException(message.Method, message.RequestUri!, timeout, ex, settings.ShowQuery);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && FailureKinds.IsTimeout(ex))
        {
            response?.Dispose();
            throw new HeraldTimeoutException(message.Method, message.RequestUri!, null, ex, settings.ShowQuery);
        }
        catch
        {
            // Any other cancellation (a middleware's own token, a provider that gave up) stays a cancellation.
            response?.Dispose();
            throw;
        }
    }

    private static object? Coerce(HeraldResponse response, ResponseBodyKind kind, CoerceMode mode, bool showQuery)
    {
        var bytes = response.BufferedBytes!;
        try
        {
            return BodyCoercion.Coerce(response, bytes, kind, mode);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or UriFormatException)
        {
            if (!response.IsSuccess)
            {
                // An error page that is not the JSON asked for is still worth reading: keep it as text.
                return response.DecodeText(bytes);
            }

            throw new HeraldCoercionException(response, kind, ex, showQuery);
        }
    }

    private static HeraldClientOptions Configure(Action<HeraldClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new HeraldClientOptions();
        configure(options);
        return options;
    }

    private static HttpMessageHandler BuildPipeline(HeraldClientOptions options)
    {
        var middleware = HeraldPipeline.CreateMiddleware(options);
        var inner = HeraldPipeline.CreateTransport(options);
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            middleware[i].InnerHandler = inner;
            inner = middleware[i];
        }

        return inner;
    }
}
