namespace Herald.Client;

/// <summary>Per-request settings of the logging middleware.</summary>
public static class LoggingRequestExtensions
{
    /// <summary>The per-request save switch, read by the logging middleware.</summary>
    internal static readonly HttpRequestOptionsKey<bool> SaveKey = new("Herald.Logging.Save");

    /// <summary>The per-request log level, read by the logging middleware.</summary>
    internal static readonly HttpRequestOptionsKey<ClientLogLevel> LevelKey = new("Herald.Logging.Level");

    /// <summary>
    /// Records this request as sent (clj-http's <c>:save-request?</c>); read it from
    /// <see cref="HeraldResponse.SentRequest"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="save"><see langword="false"/> to not record it even when the client saves every request.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    public static HeraldRequest SaveRequest(this HeraldRequest request, bool save = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(SaveKey, save);
    }

    /// <summary>Logs this request at <paramref name="level"/> instead of <see cref="ClientLoggingOptions.Level"/> (clj-http's <c>:debug</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="level">The detail to log.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="level"/> is not a defined level.</exception>
    public static HeraldRequest LogLevel(this HeraldRequest request, ClientLogLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Use a ClientLogLevel value.");
        }

        return request.SetOption(LevelKey, level);
    }
}
