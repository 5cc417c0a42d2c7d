namespace Herald.Client;

/// <summary>The authentication middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline.</summary>
internal sealed class AuthHandler(AuthOptions options) : DelegatingHandler
{
    /// <summary>Gets the options this handler was built with.</summary>
    public AuthOptions Options { get; } = options;
}
