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
        Middleware
            .Add(HeraldMiddleware.Redirects, () => new RedirectHandler(Redirects))
            .Add(HeraldMiddleware.Cookies, () => new CookieHandler(Cookies))
            .Add(HeraldMiddleware.Auth, () => new AuthHandler(Auth))
            .Add(HeraldMiddleware.Decompression, () => new DecompressionHandler(Decompression))
            .Add(HeraldMiddleware.Logging, () => new LoggingHandler(Logging));
    }

    /// <summary>Gets or sets the base address that relative request URLs resolve against.</summary>
    /// <value>The default value is <see langword="null"/>: every request URL must be absolute.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets the ordered middleware, outermost first. See <see cref="HeraldMiddleware"/> for the defaults.</summary>
    public MiddlewareCollection Middleware { get; } = new();

    /// <summary>Gets the redirect middleware's options.</summary>
    public RedirectOptions Redirects { get; } = new();

    /// <summary>Gets the cookie middleware's options.</summary>
    public CookieJarOptions Cookies { get; } = new();

    /// <summary>Gets the authentication middleware's options.</summary>
    public AuthOptions Auth { get; } = new();

    /// <summary>Gets the decompression middleware's options.</summary>
    public DecompressionOptions Decompression { get; } = new();

    /// <summary>Gets the logging and interceptor middleware's options.</summary>
    public ClientLoggingOptions Logging { get; } = new();

    /// <summary>Gets the transport's options: pool, timeouts, proxy, TLS and HTTP version.</summary>
    public TransportOptions Transport { get; } = new();

    /// <summary>
    /// Gets or sets a factory for the innermost handler, in place of the <see cref="SocketsHttpHandler"/> built from
    /// <see cref="Transport"/>: a fake transport in tests, or a handler from <c>IHttpClientFactory</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: Herald builds a <see cref="SocketsHttpHandler"/>.</value>
    public Func<HttpMessageHandler>? TransportHandler { get; set; }
}
