using System.Net;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The redirect middleware (RFC 9110 15.4). See <see cref="HeraldMiddleware"/> for its place in the pipeline and
/// <see cref="RedirectOptions"/> for what it does. Each hop is a new <see cref="HttpRequestMessage"/> that passes
/// through every middleware below this one (cookies, auth, …), carrying all of the first message's options.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    /// <summary>The per-request strategy (<see cref="RedirectRequestExtensions.FollowRedirects"/>).</summary>
    internal static readonly HttpRequestOptionsKey<RedirectStrategy> StrategyKey = new("Herald.Redirects.Strategy");

    /// <summary>The per-request limit (<see cref="RedirectRequestExtensions.MaxRedirects"/>).</summary>
    internal static readonly HttpRequestOptionsKey<int> MaxRedirectsKey = new("Herald.Redirects.MaxRedirects");

    private readonly RedirectStrategy _strategy;
    private readonly int _maxRedirects;
    private readonly bool _validateLocation;
    private readonly bool _allowHttpsDowngrade;
    private readonly HashSet<string> _originBound;

    public RedirectHandler(RedirectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        // A client never sees later changes to its options: keep the values it was built with.
        _strategy = options.Strategy;
        _maxRedirects = options.MaxRedirects;
        _validateLocation = options.ValidateLocation;
        _allowHttpsDowngrade = options.AllowHttpsDowngrade;

        // These three are credentials by definition (RFC 9110 11.6, RFC 6265): never forwarded, whatever the set says.
        _originBound = new HashSet<string>(options.OriginBoundHeaders, StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "Cookie", "Host",
        };
    }

    /// <summary>Gets the options this handler was built with.</summary>
    public RedirectOptions Options { get; }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Herald's redirect middleware is asynchronous: send with SendAsync.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = request.Options.TryGetValue(StrategyKey, out var perRequest) ? perRequest : _strategy;
        if (strategy == RedirectStrategy.None)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var maxRedirects = request.Options.TryGetValue(MaxRedirectsKey, out var perRequestMax) ? perRequestMax : _maxRedirects;
        var exchange = HeraldExchange.Of(request);
        PrepareBodyForReplay(request, strategy, exchange.MaxReplayBufferBytes);

        var current = request;
        var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        var followed = 0;
        try
        {
            while (true)
            {
                var method = NextMethod(current.Method, (int)response.StatusCode, strategy, out var keepBody);
                if (method is null || current.RequestUri is not { IsAbsoluteUri: true } currentUrl
                    || !response.Headers.NonValidated.TryGetValues("Location", out var locationValues))
                {
                    return response;
                }

                var location = locationValues.ToString();
                if (followed >= maxRedirects)
                {
                    if (strategy == RedirectStrategy.Graceful)
                    {
                        return response;
                    }

                    throw Fail(
                        response,
                        currentUrl,
                        RedirectError.TooManyRedirects,
                        $"Stopped after {followed} redirects at {DisplayUrl.Of(currentUrl, exchange.ShowQuery)} (next: '{DisplayUrl.Of(location, exchange.ShowQuery)}'); raise "
                        + "RedirectOptions.MaxRedirects or request.MaxRedirects(n), or use RedirectStrategy.Graceful to get the "
                        + "last 3xx response back instead.",
                        location,
                        exchange);
                }

                var target = ResolveLocation(response, currentUrl, locationValues.Count, exchange.ShowQuery, out var problem);
                if (target is null)
                {
                    if (!_validateLocation)
                    {
                        return response;
                    }

                    throw Fail(
                        response,
                        currentUrl,
                        RedirectError.InvalidLocation,
                        $"The {(int)response.StatusCode} response from {DisplayUrl.Of(currentUrl, exchange.ShowQuery)} has an invalid Location '{DisplayUrl.Of(location, exchange.ShowQuery)}': "
                        + $"{problem}. Fix the server, or set RedirectOptions.ValidateLocation = false to get such responses "
                        + "back instead of this exception.",
                        location,
                        exchange);
                }

                if (!_allowHttpsDowngrade && currentUrl.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
                {
                    throw Fail(
                        response,
                        currentUrl,
                        RedirectError.HttpsDowngrade,
                        $"Refused to follow a redirect from https ({DisplayUrl.Of(currentUrl, exchange.ShowQuery)}) to plain http ({DisplayUrl.Of(target, exchange.ShowQuery)}). Request "
                        + "the https URL, or set RedirectOptions.AllowHttpsDowngrade = true if the plain-text hop is acceptable.",
                        location,
                        exchange);
                }

                var content = keepBody ? current.Content : null;
                if (!BodyReplay.CanSendAgain(content))
                {
                    throw Fail(
                        response,
                        currentUrl,
                        RedirectError.BodyNotReplayable,
                        $"Cannot follow the {(int)response.StatusCode} redirect to {DisplayUrl.Of(target, exchange.ShowQuery)} with the {current.Method} body: "
                        + "it is a stream that can be read once only, it was already sent, and no whole copy was kept (it is "
                        + $"larger than HeraldClientOptions.MaxReplayBufferBytes, {exchange.MaxReplayBufferBytes} bytes, or was not "
                        + "sent in full). Send the body as bytes, a file or a stream factory (request.Body(() => Open())), raise "
                        + "MaxReplayBufferBytes, or follow the redirect yourself with RedirectStrategy.None.",
                        location,
                        exchange);
                }

                if (request.RequestUri is { IsAbsoluteUri: true } first && !SameOrigin(first, target))
                {
                    // Once away, the first origin's per-request credentials and cookies never come back in this call.
                    exchange.LeftFirstOrigin = true;
                }

                var next = CreateHop(current, currentUrl, method, target, content, _originBound);
                exchange.RedirectTrace.Add(target);
                followed++;
                response.Dispose();
                current = next;
                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Whatever fails after a response arrived (a bad Location, the next hop) must not leave it holding its
            // connection; disposing one already disposed does nothing.
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The method of the next hop, or <see langword="null"/> when the response is not a redirect to follow;
    /// <paramref name="keepBody"/> tells whether the body goes along (same method) or is dropped (turned into GET).
    /// </summary>
    internal static HttpMethod? NextMethod(HttpMethod method, int status, RedirectStrategy strategy, out bool keepBody)
    {
        keepBody = false;
        if (status is not (301 or 302 or 303 or 307 or 308) || strategy == RedirectStrategy.None)
        {
            return null;
        }

        var isHead = method == HttpMethod.Head;
        if (status == 303)
        {
            // 303 See Other asks for a retrieval of another resource: GET (or HEAD), never the original body.
            return isHead ? HttpMethod.Head : HttpMethod.Get;
        }

        if (method == HttpMethod.Get || isHead)
        {
            keepBody = true;
            return method;
        }

        if (strategy != RedirectStrategy.Lax)
        {
            return null;
        }

        if (status is 307 or 308)
        {
            keepBody = true;
            return method;
        }

        return HttpMethod.Get;
    }

    /// <summary>
    /// Resolves <c>Location</c> against the current URL (RFC 3986 5.2) with fragment inheritance (RFC 9110 10.2.2), and
    /// checks it is an http(s) URL with a host; returns <see langword="null"/> and says why otherwise.
    /// </summary>
    private Uri? ResolveLocation(HttpResponseMessage response, Uri current, int count, bool showQuery, out string problem)
    {
        problem = string.Empty;
        if (count != 1)
        {
            problem = $"the response has {count} Location headers";
            return null;
        }

        // The typed header decodes UTF-8 sent as Latin-1 the way browsers do; null means it did not parse at all.
        var parsed = response.Headers.Location;
        if (parsed is null)
        {
            problem = "it is not a URL (no host, a bad port or characters that cannot appear in a URL)";
            return null;
        }

        Uri? target;
        if (parsed.IsAbsoluteUri)
        {
            target = parsed;
        }
        else if (!Uri.TryCreate(current, parsed, out target))
        {
            problem = $"it cannot be resolved against {DisplayUrl.Of(current, showQuery)}";
            return null;
        }

        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"the scheme '{target.Scheme}' is not http or https";
            return null;
        }

        var validHost = target.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
        if (target.IdnHost.Length == 0 || (_validateLocation && !validHost))
        {
            problem = "it has no valid host";
            return null;
        }

        if (target.Fragment.Length == 0 && current.Fragment.Length > 0)
        {
            target = new Uri(target.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped) + current.Fragment);
        }

        return target;
    }

    /// <summary>Builds the next hop: a fresh message with the headers that may go along, every option, and the body if kept.</summary>
    private static HttpRequestMessage CreateHop(
        HttpRequestMessage current, Uri currentUrl, HttpMethod method, Uri target, HttpContent? content, HashSet<string> originBound)
    {
        var next = new HttpRequestMessage(method, target)
        {
            Version = current.Version,
            VersionPolicy = current.VersionPolicy,
            Content = content,
        };

        var sameOrigin = SameOrigin(currentUrl, target);
        foreach (var header in current.Headers.NonValidated)
        {
            if ((!sameOrigin && originBound.Contains(header.Key)) || (content is null && IsBodyFraming(header.Key)))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Every option travels on, the exchange (redirect trace, cookie origin, …) and per-request settings included.
        var options = (IDictionary<string, object?>)next.Options;
        foreach (var option in current.Options)
        {
            options[option.Key] = option.Value;
        }

        return next;
    }

    /// <summary>Makes a read-once body keep a copy while it is first sent, when a 307/308 could ask for it again.</summary>
    private static void PrepareBodyForReplay(HttpRequestMessage request, RedirectStrategy strategy, long limit)
    {
        var mayResend = strategy == RedirectStrategy.Lax || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        if (mayResend)
        {
            BodyReplay.Prepare(request, limit);
        }
    }

    private static bool IsBodyFraming(string header) =>
        string.Equals(header, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "Expect", StringComparison.OrdinalIgnoreCase);

    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static HeraldRedirectException Fail(
        HttpResponseMessage response, Uri requestUri, RedirectError error, string message, string? location, HeraldExchange exchange)
    {
        var exception = new HeraldRedirectException(error, message, response, requestUri, location, exchange.RedirectTrace.ToArray());

        // The body is not kept: disposing frees the connection now, which an exception could never do later.
        response.Dispose();
        return exception;
    }
}
