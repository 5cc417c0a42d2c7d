namespace Herald.Client;

/// <summary>The logging and interceptor middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline.</summary>
internal sealed class LoggingHandler(ClientLoggingOptions options) : DelegatingHandler
{
    /// <summary>Gets the options this handler was built with.</summary>
    public ClientLoggingOptions Options { get; } = options;
}
