using Herald.Client.Internal;

namespace Herald.Client.Testing;

/// <summary>
/// An in-memory transport for tests: the innermost handler of a <see cref="HeraldClient"/>, so every middleware runs
/// above it exactly as in production. It answers from routes matched by method and URL (exact, prefix or predicate)
/// and from a queue of one-shot answers, can throw, time out or never answer, and records every call (method, URL,
/// headers and body as sent) for assertions.
/// </summary>
/// <remarks>
/// <para>Install it with <see cref="FakeTransportOptionsExtensions.UseFakeTransport(HeraldClientOptions, FakeTransport)"/>.
/// Each instance is independent and thread-safe: parallel tests each use their own.</para>
/// <para>For each call the routes are tried in the order they were added (skipping those whose <see cref="FakeRoute.Times(int)"/>
/// are used up), then the head of the queue. A call nothing answers fails with an <see cref="InvalidOperationException"/>
/// that lists the routes.</para>
/// <para>URLs are compared as strings: an absolute URL (<c>http://host/x?y=1</c>) with the whole URL as sent, a
/// path (<c>/x?y=1</c>) with its path and query.</para>
/// </remarks>
public sealed class FakeTransport : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<FakeRoute> _routes = [];
    private readonly List<FakeRoute> _queue = [];
    private readonly List<FakeCall> _calls = [];

    /// <summary>Gets the calls made so far, in order.</summary>
    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Adds a route for calls whose method and URL equal <paramref name="method"/> and <paramref name="url"/>.</summary>
    /// <param name="method">The method, or <see langword="null"/> for any.</param>
    /// <param name="url">An absolute URL, or a path with optional query.</param>
    /// <returns>The route, to configure its answer.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="url"/> is empty.</exception>
    public FakeRoute On(HttpMethod? method, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return AddRoute(new FakeRoute($"{method?.Method ?? "*"} {url}", call => MethodMatches(method, call) && UrlMatches(url, call.Uri, prefix: false), null));
    }

    /// <summary>Adds a route for calls whose URL starts with <paramref name="urlPrefix"/>.</summary>
    /// <param name="method">The method, or <see langword="null"/> for any.</param>
    /// <param name="urlPrefix">The start of an absolute URL, or of a path.</param>
    /// <returns>The route, to configure its answer.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="urlPrefix"/> is empty.</exception>
    public FakeRoute OnPrefix(HttpMethod? method, string urlPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(urlPrefix);
        return AddRoute(new FakeRoute($"{method?.Method ?? "*"} {urlPrefix}*", call => MethodMatches(method, call) && UrlMatches(urlPrefix, call.Uri, prefix: true), null));
    }

    /// <summary>Adds a route for calls <paramref name="predicate"/> accepts (it sees the recorded call, body included).</summary>
    /// <param name="predicate">Decides whether the route answers a call.</param>
    /// <param name="description">Names the route in failure messages.</param>
    /// <returns>The route, to configure its answer.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="predicate"/> is <see langword="null"/>.</exception>
    public FakeRoute OnMatch(Func<FakeCall, bool> predicate, string description = "a predicate")
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return AddRoute(new FakeRoute(description, predicate, null));
    }

    /// <summary>Queues a one-shot answer for the next call no route answers; configure it on the returned route.</summary>
    /// <returns>The queued answer.</returns>
    public FakeRoute Enqueue()
    {
        var route = new FakeRoute("queued answer", static _ => true, 1);
        lock (_gate)
        {
            _queue.Add(route);
        }

        return route;
    }

    /// <summary>Queues a one-shot answer with <paramref name="status"/> and a text body.</summary>
    /// <returns>The queued answer.</returns>
    public FakeRoute Enqueue(int status, string? body = null, string? contentType = null) =>
        Enqueue().Respond(status, body, contentType);

    /// <summary>Throws unless calls with <paramref name="method"/> and <paramref name="url"/> were made (exactly <paramref name="times"/> when given).</summary>
    /// <exception cref="FakeTransportAssertionException">Thrown when the count does not match; the message lists the calls made.</exception>
    public void AssertCalled(HttpMethod method, string url, int? times = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        AssertCalledWhere(call => call.Method == method && UrlMatches(url, call.Uri, prefix: false), times, $"{method.Method} {url}");
    }

    /// <summary>Throws when any call with <paramref name="method"/> and <paramref name="url"/> was made.</summary>
    /// <exception cref="FakeTransportAssertionException">Thrown when such a call was made.</exception>
    public void AssertNotCalled(HttpMethod method, string url) => AssertCalled(method, url, times: 0);

    /// <summary>Throws unless calls <paramref name="predicate"/> accepts were made (exactly <paramref name="times"/> when given).</summary>
    /// <exception cref="FakeTransportAssertionException">Thrown when the count does not match; the message lists the calls made.</exception>
    public void AssertCalledWhere(Func<FakeCall, bool> predicate, int? times = null, string description = "a matching call")
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var calls = Calls;
        var count = calls.Count(predicate);
        var ok = times is { } expected ? count == expected : count > 0;
        if (!ok)
        {
            var wanted = times is { } n ? $"{n} time(s)" : "at least once";
            throw new FakeTransportAssertionException(
                $"Expected {description} to be called {wanted}, but it was called {count} time(s). {ListCalls(calls)}");
        }
    }

    /// <summary>Throws unless exactly <paramref name="count"/> calls were made.</summary>
    /// <exception cref="FakeTransportAssertionException">Thrown when the count differs; the message lists the calls made.</exception>
    public void AssertCallCount(int count)
    {
        var calls = Calls;
        if (calls.Count != count)
        {
            throw new FakeTransportAssertionException($"Expected {count} call(s), but {calls.Count} were made. {ListCalls(calls)}");
        }
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        FakeCall call;
        FakeRoute? route;
        string routes;
        lock (_gate)
        {
            call = new FakeCall(_calls.Count, request.Method, request.RequestUri!, request.Version, HeadersOf(request), body);
            _calls.Add(call);
            route = _routes.FirstOrDefault(r => !r.IsExhausted && r.Matches(call) && r.TryClaim());
            if (route is null && _queue.Count > 0)
            {
                route = _queue[0];
                _queue.RemoveAt(0);
                route.TryClaim();
            }

            routes = _routes.Count == 0
                ? "none"
                : string.Join("; ", _routes.Select(r => r.IsExhausted ? $"{r} (used up)" : r.ToString()));
        }

        if (route is null)
        {
            throw new InvalidOperationException(
                $"The fake transport has no answer for {call}: no route matches and the queue is empty. Routes: {routes}.");
        }

        return await route.RunAsync(call, request, cancellationToken);
    }

    private FakeRoute AddRoute(FakeRoute route)
    {
        lock (_gate)
        {
            _routes.Add(route);
        }

        return route;
    }

    private static bool MethodMatches(HttpMethod? method, FakeCall call) => method is null || call.Method == method;

    private static bool UrlMatches(string pattern, Uri uri, bool prefix)
    {
        var absolute = pattern.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || pattern.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var actual = absolute ? uri.AbsoluteUri : uri.PathAndQuery;
        return prefix ? actual.StartsWith(pattern, StringComparison.Ordinal) : string.Equals(actual, pattern, StringComparison.Ordinal);
    }

    private static HeraldHeaders HeadersOf(HttpRequestMessage request)
    {
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            entries.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                entries.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }
        }

        return HeraldHeaders.ReadOnlyFrom(entries);
    }

    private static string ListCalls(IReadOnlyList<FakeCall> calls) => calls.Count == 0
        ? "No calls were made."
        : $"Calls made ({calls.Count}): " + string.Join("; ", calls.Select(c => c.ToString())) + ".";
}
