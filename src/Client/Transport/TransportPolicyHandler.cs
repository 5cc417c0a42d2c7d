namespace Herald.Client.Internal;

/// <summary>
/// Sits directly on the <see cref="SocketsHttpHandler"/>: applies the HTTP version, enforces
/// <see cref="TransportOptions.ReadTimeout"/>, and turns the framework's terse connect-timeout and TLS failures into
/// exceptions that say which option to change.
/// </summary>
internal sealed class TransportPolicyHandler(TransportOptions options) : DelegatingHandler
{
    private readonly Version _version = options.HttpVersion;
    private readonly HttpVersionPolicy _versionPolicy = options.VersionPolicy;
    private readonly TimeSpan _readTimeout = options.ReadTimeout;
    private readonly TimeSpan _connectTimeout = options.ConnectTimeout;
    private readonly TimeProvider _time = options.EffectiveTimeProvider;
    private readonly bool _customTrust = options.TrustedRootCertificates.Count > 0;

    /// <summary>Up to this size an in-memory body is not watched for progress (see <see cref="IsSmallInMemory"/>).</summary>
    private const long SmallBodyBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApplyVersion(request);
        var readTimeout = request.Options.TryGetValue(TransportRequestExtensions.ReadTimeoutKey, out var perRequest)
            ? perRequest
            : _readTimeout;
        try
        {
            if (readTimeout == Timeout.InfiniteTimeSpan)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var response = await SendWithReadTimeoutAsync(request, readTimeout, cancellationToken);
            if (response.Content is { } content)
            {
                response.Content = new ReadTimeoutContent(content, readTimeout, _time, Authority(request));
            }

            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && ex.InnerException is TimeoutException)
        {
            throw new TimeoutException(
                $"Could not connect to {Authority(request)} within {_connectTimeout.TotalSeconds:0.###} s (TransportOptions.ConnectTimeout). Check the host, port and proxy, or raise ConnectTimeout.",
                ex);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            var advice = _customTrust
                ? "The server's chain must end at one of TransportOptions.TrustedRootCertificates and name the host."
                : "If the server uses a private CA, add it to TransportOptions.TrustedRootCertificates; if it requires a client certificate, set TransportOptions.ClientCertificates. TransportOptions.Insecure = true skips validation, for local testing only.";
            throw new HttpRequestException(HttpRequestError.SecureConnectionError,
                $"TLS with {Authority(request)} failed: {detail} {advice}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendWithReadTimeoutAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var link = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline);
        var original = request.Content;
        var watched = original is not null && !IsSmallInMemory(original);
        if (watched)
        {
            // Each chunk of the request body that leaves re-arms the timer, so an upload that keeps moving never
            // times out while one the server stops reading does; after the last chunk the wait for headers begins.
            request.Content = new ObservedRequestContent(original!, new Progress(deadline, timeout));
        }

        deadline.CancelAfter(timeout);

        try
        {
            return await base.SendAsync(request, deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested && ex.InnerException is not TimeoutException)
        {
            throw new TimeoutException(
                $"No response from {Authority(request)} within {timeout.TotalSeconds:0.###} s of sending the request (TransportOptions.ReadTimeout). Raise ReadTimeout for slow servers, or per request with request.ReadTimeout(...).",
                ex);
        }
        finally
        {
            if (watched)
            {
                request.Content = original;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="content"/> is held in memory (bytes, a string, a form, Herald's JSON body) and small: the
    /// socket buffers take such a body whole whether or not the server reads it, so it leaves at once and there is no
    /// upload whose progress could re-arm the read timeout (the timer armed before sending covers it and the wait for
    /// headers). Watching it would only cost a wrapper, its copied headers and two timer changes on every such request.
    /// </summary>
    private static bool IsSmallInMemory(HttpContent content) =>
        content is (ByteArrayContent or ReadOnlyMemoryContent) && content.Headers.ContentLength is <= SmallBodyBytes;

    private void ApplyVersion(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(TransportRequestExtensions.VersionKey, out var choice))
        {
            request.Version = choice.Version;
            request.VersionPolicy = choice.Policy;
        }
        else if (request.Version == System.Net.HttpVersion.Version11 && request.VersionPolicy == HttpVersionPolicy.RequestVersionOrLower)
        {
            // Those are HttpRequestMessage's own defaults: the message asked for nothing else, so the client's setting applies.
            request.Version = _version;
            request.VersionPolicy = _versionPolicy;
        }
    }

    private static string Authority(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? $"{uri.Scheme}://{uri.Authority}" : "the server";

    private sealed class Progress(CancellationTokenSource deadline, TimeSpan timeout) : IContentObserver
    {
        public void OnBytes(ReadOnlySpan<byte> chunk) => Rearm();

        public void OnCompleted() => Rearm();

        private void Rearm()
        {
            try
            {
                deadline.CancelAfter(timeout);
            }
            catch (ObjectDisposedException)
            {
                // The response arrived before the body finished (e.g. an early 401); nothing left to time.
            }
        }
    }
}
