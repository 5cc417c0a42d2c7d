namespace Herald.Client;

/// <summary>
/// The names of Herald's built-in middleware and their default order: the one place that order is written down.
/// </summary>
/// <remarks>
/// <para>A request passes through the middleware from the first entry to the last, then reaches the transport
/// (<see cref="System.Net.Http.SocketsHttpHandler"/>, or a fake one in tests); the response passes back in reverse.
/// The default order, outermost first:</para>
/// <list type="number">
/// <item><description><see cref="Redirects"/>: follows 3xx responses; every hop passes through everything below it.</description></item>
/// <item><description><see cref="Auth"/>: basic, bearer (with refresh on 401) and digest credentials, per hop and per origin.</description></item>
/// <item><description><see cref="Cookies"/>: adds <c>Cookie</c> from the store to each attempt and stores each response's <c>Set-Cookie</c>.
/// It sits below auth so that a retry after a bearer refresh carries the cookies the 401 set (session affinity, CSRF).</description></item>
/// <item><description><see cref="Decompression"/>: asks for and decodes gzip, deflate and brotli bodies.</description></item>
/// <item><description><see cref="Logging"/>: logs and intercepts each request as it goes on the wire, and each raw response.</description></item>
/// </list>
/// <para>Optional middleware, installed by its own <c>Add…</c> method on <see cref="HeraldClientOptions"/>, takes its place
/// in this order too: <see cref="Resilience"/> and then <see cref="LoadBalancing"/> or <see cref="Failover"/> sit
/// outside <see cref="Redirects"/> (a retry or another target replays the whole call), and <see cref="Cache"/> sits
/// between <see cref="Auth"/> and <see cref="Cookies"/> (each hop is looked up, and a hit touches no cookie or socket).</para>
/// <para>Insert your own middleware with <see cref="MiddlewareCollection.Add(string, Func{DelegatingHandler})"/>
/// (innermost, just above the transport: it sees every hop) or <see cref="MiddlewareCollection.Insert(int, string, Func{DelegatingHandler})"/>
/// at index 0 (outermost: it sees one logical call), or relative to a built-in one with
/// <see cref="MiddlewareCollection.InsertBefore(string, string, Func{DelegatingHandler})"/>.</para>
/// </remarks>
public static class HeraldMiddleware
{
    /// <summary>The redirect-following middleware (<c>"redirects"</c>), configured by <see cref="HeraldClientOptions.Redirects"/>.</summary>
    public const string Redirects = "redirects";

    /// <summary>The cookie middleware (<c>"cookies"</c>), configured by <see cref="HeraldClientOptions.Cookies"/>.</summary>
    public const string Cookies = "cookies";

    /// <summary>The authentication middleware (<c>"auth"</c>), configured by <see cref="HeraldClientOptions.Auth"/>.</summary>
    public const string Auth = "auth";

    /// <summary>The decompression middleware (<c>"decompression"</c>), configured by <see cref="HeraldClientOptions.Decompression"/>.</summary>
    public const string Decompression = "decompression";

    /// <summary>The logging and interceptor middleware (<c>"logging"</c>), configured by <see cref="HeraldClientOptions.Logging"/>.</summary>
    public const string Logging = "logging";

    /// <summary>The resilience middleware (<c>"resilience"</c>): timeouts, retry and circuit breaker. Not installed by default.</summary>
    public const string Resilience = "resilience";

    /// <summary>The load-balancing middleware (<c>"load-balancing"</c>) that spreads calls over several targets. Not installed by default.</summary>
    public const string LoadBalancing = "load-balancing";

    /// <summary>The failover middleware (<c>"failover"</c>) that tries several targets in order. Not installed by default.</summary>
    public const string Failover = "failover";

    /// <summary>The private HTTP cache middleware (<c>"cache"</c>). Not installed by default.</summary>
    public const string Cache = "cache";

    // Every built-in name, outermost first: the order the Add… methods keep when they install optional middleware.
    private static readonly string[] CanonicalOrder =
        [Resilience, LoadBalancing, Failover, Redirects, Auth, Cache, Cookies, Decompression, Logging];

    /// <summary>
    /// Returns the rank of a built-in middleware name in the documented order, or -1 for a name that is not built in.
    /// </summary>
    internal static int RankOf(string name) =>
        Array.FindIndex(CanonicalOrder, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
