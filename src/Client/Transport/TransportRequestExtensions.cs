namespace Herald.Client;

/// <summary>Per-request transport settings: HTTP version and read timeout.</summary>
public static class TransportRequestExtensions
{
    /// <summary>The per-request HTTP version and policy, read by the transport.</summary>
    internal static readonly HttpRequestOptionsKey<HttpVersionChoice> VersionKey = new("Herald.Transport.Version");

    /// <summary>The per-request read timeout, read by the transport.</summary>
    internal static readonly HttpRequestOptionsKey<TimeSpan> ReadTimeoutKey = new("Herald.Transport.ReadTimeout");

    /// <summary>
    /// Asks for an HTTP version for this request instead of <see cref="TransportOptions.HttpVersion"/>, e.g.
    /// <c>request.HttpVersion(HttpVersion.Version20)</c>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="version">1.0, 1.1, 2.0 or 3.0.</param>
    /// <param name="policy">Whether the version is exact, a floor or a ceiling.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    public static HeraldRequest HttpVersion(this HeraldRequest request, Version version, HttpVersionPolicy policy = HttpVersionPolicy.RequestVersionOrLower)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(version);
        return request.SetOption(VersionKey, new HttpVersionChoice(version, policy));
    }

    /// <summary>Sets the longest wait for the next bytes of this request's response, instead of <see cref="TransportOptions.ReadTimeout"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="timeout">More than zero, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="timeout"/> is zero or negative (other than infinite).</exception>
    public static HeraldRequest ReadTimeout(this HeraldRequest request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        }

        return request.SetOption(ReadTimeoutKey, timeout);
    }

    /// <summary>An HTTP version and how to apply it.</summary>
    internal sealed record HttpVersionChoice(Version Version, HttpVersionPolicy Policy);
}
