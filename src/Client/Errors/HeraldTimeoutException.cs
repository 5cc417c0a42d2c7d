using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when a call runs out of time: the client's or request's <see cref="HeraldClientOptions.Timeout"/>, or a
/// timeout inside the transport (connect, read). Cancellation through the caller's own token, or by anything else
/// in the pipeline, is not a timeout and stays an <see cref="OperationCanceledException"/>; disposing the client
/// during a call gives an <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class HeraldTimeoutException : TimeoutException
{
    internal HeraldTimeoutException(HttpMethod method, Uri uri, TimeSpan? limit, Exception inner, bool showQuery)
        : base(MessageFor(method, DisplayUrl.Of(uri, showQuery), limit, inner), inner)
    {
        Method = method;
        RequestUri = uri;
        Limit = limit ?? ResilienceTimeoutException.Find(inner)?.Limit;
    }

    /// <summary>Gets the method of the request that timed out.</summary>
    public HttpMethod Method { get; }

    /// <summary>
    /// Gets the whole URL of the request that timed out. The message shows it without its query string (see
    /// <see cref="ClientLoggingOptions.LogQueryStrings"/>).
    /// </summary>
    public Uri RequestUri { get; }

    /// <summary>
    /// Gets the limit that ran out: the call's timeout, or a resilience total or per-attempt timeout
    /// (<see cref="ResilienceClientOptionsExtensions.AddTimeouts"/>); <see langword="null"/> when a timeout inside the
    /// transport fired first. The message says which.
    /// </summary>
    public TimeSpan? Limit { get; }

    private static string MessageFor(HttpMethod method, string uri, TimeSpan? limit, Exception inner) => limit is { } l
        ? $"{method.Method} {uri} timed out after {Format(l)} (the call's Timeout). Raise HeraldClientOptions.Timeout or the request's Timeout(...) if the server needs longer."
        : ResilienceTimeoutException.Find(inner) is { } resilience
            ? $"{method.Method} {uri} timed out after {Format(resilience.Limit)}: {resilience.Message}"
            : $"{method.Method} {uri} timed out in the transport: {inner.Message} Raise the transport's timeouts if the server needs longer.";

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1
        ? $"{t.TotalSeconds:0.###} s"
        : $"{t.TotalMilliseconds:0.###} ms";
}
