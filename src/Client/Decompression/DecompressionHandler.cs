namespace Herald.Client;

/// <summary>The decompression middleware. See <see cref="HeraldMiddleware"/> for its place in the pipeline.</summary>
internal sealed class DecompressionHandler(DecompressionOptions options) : DelegatingHandler
{
    /// <summary>Gets the options this handler was built with.</summary>
    public DecompressionOptions Options { get; } = options;
}
