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
}
