namespace Herald.Client.Internal;

/// <summary>
/// State of one logical call, shared by every hop of it (redirects create new <see cref="HttpRequestMessage"/>s and
/// copy this object along). Middleware records what the response reports (redirect trace, original encoding, …)
/// here; <see cref="HeraldResponse"/> reads it.
/// </summary>
internal sealed partial class HeraldExchange
{
    /// <summary>The key under which the exchange travels in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<HeraldExchange> Key = new("Herald.Exchange");

    /// <summary>
    /// Starts another attempt of the same call (a retry, or the next target of a balanced call): what the middleware
    /// below recorded for an earlier attempt (first hop, redirect trace, cookie origin, content encoding) is
    /// forgotten, so the new attempt is a fresh call and the response describes the attempt the caller gets.
    /// </summary>
    public void BeginAttempt()
    {
        FirstHop = null;
        LeftFirstOrigin = false;
        CookieOrigin = null;
        CallerCookieHeader = null;
        ResponseCookies = null;
        OriginalContentEncoding = null;
        RedirectTrace.Clear();
    }

    /// <summary>The URLs followed by redirects, in order (each <c>Location</c> resolved to an absolute URL).</summary>
    public List<Uri> RedirectTrace { get; } = [];

    /// <summary>The <c>Content-Encoding</c> the server sent before the body was decoded, or <see langword="null"/>.</summary>
    public string? OriginalContentEncoding { get; set; }

    /// <summary>
    /// The most bytes of a read-once request body kept so it can be sent again
    /// (<see cref="HeraldClientOptions.MaxReplayBufferBytes"/>); <see cref="HeraldClient"/> sets it when it starts a call.
    /// Read by every middleware that resends a body, through <see cref="BodyReplay"/>.
    /// </summary>
    public long MaxReplayBufferBytes { get; set; } = BodyReplay.DefaultMaxBufferBytes;

    /// <summary>
    /// Whether exception messages may show URLs with their query string (<see cref="ClientLoggingOptions.LogQueryStrings"/>);
    /// <see cref="HeraldClient"/> sets it when it starts a call.
    /// </summary>
    public bool ShowQuery { get; set; }

    /// <summary>Returns the exchange attached to <paramref name="request"/>, attaching a new one when there is none.</summary>
    public static HeraldExchange Of(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out var exchange))
        {
            exchange = new HeraldExchange();
            request.Options.Set(Key, exchange);
        }

        return exchange;
    }
}
