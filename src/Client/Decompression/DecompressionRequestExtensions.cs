namespace Herald.Client;

/// <summary>Per-request settings of the decompression middleware.</summary>
public static class DecompressionRequestExtensions
{
    /// <summary>The per-request switch, read by the decompression middleware.</summary>
    internal static readonly HttpRequestOptionsKey<bool> EnabledKey = new("Herald.Decompression.Enabled");

    /// <summary>
    /// Turns decompression on or off for this request. Off: no <c>Accept-Encoding</c> is added and the body arrives
    /// as the server encoded it, with its <c>Content-Encoding</c>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="enabled"><see langword="false"/> to receive the raw bytes.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    public static HeraldRequest Decompress(this HeraldRequest request, bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(EnabledKey, enabled);
    }
}
