namespace Herald.Client;

/// <summary>The cookie middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline.</summary>
internal sealed class CookieHandler(CookieJarOptions options) : DelegatingHandler
{
    /// <summary>Gets the options this handler was built with.</summary>
    public CookieJarOptions Options { get; } = options;
}
