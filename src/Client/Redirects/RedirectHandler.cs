namespace Herald.Client;

/// <summary>The redirect middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline.</summary>
internal sealed class RedirectHandler(RedirectOptions options) : DelegatingHandler
{
    /// <summary>Gets the options this handler was built with.</summary>
    public RedirectOptions Options { get; } = options;
}
