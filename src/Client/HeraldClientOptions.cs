using System.Reflection;
using System.Text.Json;
using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Configures a <see cref="HeraldClient"/>: base address, default headers, timeouts, the middleware pipeline and
/// each built-in middleware's options. Read once, when a client is built; a client never sees later changes.
/// </summary>
public sealed class HeraldClientOptions
{
    /// <summary>Creates options with Herald's default middleware installed in its documented order.</summary>
    public HeraldClientOptions()
    {
        // The sub-options fall back to this object's clock when they have none of their own.
        Cookies = new CookieJarOptions(this);
        Logging = new ClientLoggingOptions(this);
        Transport = new TransportOptions(this);
        Middleware
            .Add(HeraldMiddleware.Redirects, () => new RedirectHandler(Redirects))
            .Add(HeraldMiddleware.Auth, () => new AuthHandler(Auth))
            .Add(HeraldMiddleware.Cookies, () => new CookieHandler(Cookies))
            .Add(HeraldMiddleware.Decompression, () => new DecompressionHandler(Decompression))
            .Add(HeraldMiddleware.Logging, () => new LoggingHandler(Logging));
    }

    /// <summary>The default <see cref="MaxReplayBufferBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxReplayBufferBytes = BodyReplay.DefaultMaxBufferBytes;

    /// <summary>Gets the <c>User-Agent</c> Herald sends unless told otherwise: <c>Herald/</c> and the library version.</summary>
    public static string DefaultUserAgent { get; } = "Herald/" + LibraryVersion();

    /// <summary>
    /// Gets or sets the base address that relative request URLs resolve against, by Ktor's <c>DefaultRequest</c>
    /// rules: <c>x</c> replaces the last path segment (so end the base path with <c>/</c>: base <c>https://a/b/</c>
    /// and <c>x</c> give <c>/b/x</c>; base <c>https://a/b</c> and <c>x</c> give <c>/x</c>), <c>/x</c> replaces the
    /// path, <c>//host/x</c> keeps only the scheme, an absolute URL replaces everything. Query parameters of the base
    /// are defaults that a request's parameter of the same name replaces.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: every request URL must be absolute.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets the headers sent with every request. A request header of the same name (any case) replaces all of a
    /// default header's values.
    /// </summary>
    /// <value>The default value is empty.</value>
    public HeraldHeaders DefaultHeaders { get; } = new();

    /// <summary>Gets or sets the <c>User-Agent</c> header; <see langword="null"/> sends none. A request's own <c>User-Agent</c> wins.</summary>
    /// <value>The default value is <see cref="DefaultUserAgent"/> (<c>Herald/&lt;version&gt;</c>).</value>
    public string? UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// Gets or sets how long a whole call may take: sending, waiting, and reading a buffered body (for
    /// <see cref="ResponseBodyKind.Stream"/>, until the headers arrive). Running out throws
    /// <see cref="HeraldTimeoutException"/>. A request can set its own with <see cref="HeraldRequest.Timeout(TimeSpan)"/>.
    /// </summary>
    /// <value>The default value is 100 seconds. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> means no limit.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Gets or sets whether a status outside <see cref="IsSuccessStatus"/> throws <see cref="HeraldHttpException"/>
    /// (clj-http's <c>:throw-exceptions</c>). A request can override it with <see cref="HeraldRequest.ThrowOnError(bool)"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ThrowOnError { get; set; } = true;

    /// <summary>
    /// Gets or sets which status codes are successes (clj-http's <c>:unexceptional-status</c>); the others throw
    /// when <see cref="ThrowOnError"/> is on, and decide <see cref="CoerceMode"/>.
    /// </summary>
    /// <value>The default value is <see cref="HeraldStatus.IsUnexceptional(int)"/>: 200–207, 300–304, 307, 308.</value>
    public Func<int, bool> IsSuccessStatus { get; set; } = HeraldStatus.IsUnexceptional;

    /// <summary>Gets or sets what <see cref="HeraldResponse.Body"/> holds (clj-http's <c>:as</c>); a request can choose its own with <see cref="HeraldRequest.As(ResponseBodyKind)"/>.</summary>
    /// <value>The default value is <see cref="ResponseBodyKind.String"/>.</value>
    public ResponseBodyKind ResponseBody { get; set; } = ResponseBodyKind.String;

    /// <summary>Gets or sets which responses have their body converted to JSON, a form map or by content type (clj-http's <c>:coerce</c>).</summary>
    /// <value>The default value is <see cref="CoerceMode.Unexceptional"/>: successes only.</value>
    public CoerceMode CoerceMode { get; set; } = CoerceMode.Unexceptional;

    /// <summary>
    /// Gets or sets whether an HTML body without a charset in <c>Content-Type</c> is decoded with the charset of its
    /// <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c> (clj-http's <c>:decode-body-headers</c>).
    /// </summary>
    /// <value>The default value is <see langword="false"/>: such bodies are UTF-8 (a byte order mark is honoured).</value>
    public bool DecodeBodyHeaders { get; set; }

    /// <summary>Gets or sets the serializer options for JSON bodies sent and read. The client keeps a read-only copy.</summary>
    /// <value>The default value is <see cref="JsonSerializerOptions.Web"/> (camelCase, case-insensitive reading).</value>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = JsonSerializerOptions.Web;

    /// <summary>Gets or sets how query parameters and form fields with several values are written.</summary>
    /// <value>The default value is <see cref="MultiParamStyle.Repeat"/> (<c>a=1&amp;a=2</c>).</value>
    public MultiParamStyle MultiParamStyle { get; set; } = MultiParamStyle.Repeat;

    /// <summary>
    /// Gets or sets the most bytes of a request body kept so the body can be sent again, by a <c>307</c>/<c>308</c>
    /// redirect or a retry after a bearer refresh. Only a body that can be read once (a stream that cannot seek) needs
    /// a copy: bodies in memory (string, bytes, form, JSON), files, stream factories, seekable streams and multipart of
    /// those are sent again as they are. A read-once body is copied while it is first sent, once for every middleware
    /// that may resend it; a larger one is sent without a copy, and a call that needs it again fails saying so.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxReplayBufferBytes"/> (1 MiB). <c>0</c> keeps nothing.</value>
    public long MaxReplayBufferBytes { get; set; } = DefaultMaxReplayBufferBytes;

    /// <summary>
    /// Gets or sets the client's clock: it times <see cref="Timeout"/> and <see cref="HeraldResponse.Elapsed"/>, and it
    /// is the clock of every middleware whose own is not set (<see cref="CookieJarOptions.TimeProvider"/> for cookie
    /// expiry, <see cref="ClientLoggingOptions.TimeProvider"/> for hop timings, <see cref="TransportOptions.TimeProvider"/>
    /// for the read timeout). Tests set one fake clock here and it drives them all.
    /// </summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets the ordered middleware, outermost first. See <see cref="HeraldMiddleware"/> for the defaults.</summary>
    public MiddlewareCollection Middleware { get; } = new();

    /// <summary>Gets the redirect middleware's options.</summary>
    public RedirectOptions Redirects { get; } = new();

    /// <summary>Gets the cookie middleware's options.</summary>
    public CookieJarOptions Cookies { get; }

    /// <summary>Gets the authentication middleware's options.</summary>
    public AuthOptions Auth { get; } = new();

    /// <summary>Gets the decompression middleware's options.</summary>
    public DecompressionOptions Decompression { get; } = new();

    /// <summary>Gets the logging and interceptor middleware's options.</summary>
    public ClientLoggingOptions Logging { get; }

    /// <summary>Gets the progress callbacks for every call, and how often progress is reported (per request too).</summary>
    public ProgressOptions Progress { get; } = new();

    /// <summary>Gets the transport's options: pool, timeouts, proxy, TLS and HTTP version.</summary>
    public TransportOptions Transport { get; }

    /// <summary>
    /// Gets or sets a factory for the innermost handler, in place of the <see cref="SocketsHttpHandler"/> built from
    /// <see cref="Transport"/>: a fake transport in tests, or a handler from <c>IHttpClientFactory</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: Herald builds a <see cref="SocketsHttpHandler"/>.</value>
    public Func<HttpMessageHandler>? TransportHandler { get; set; }

    private static string LibraryVersion()
    {
        var assembly = typeof(HeraldClientOptions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
