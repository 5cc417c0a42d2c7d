using System.Text.Json;

namespace Herald.Client.Internal;

/// <summary>
/// What a <see cref="HeraldClient"/> took from its <see cref="HeraldClientOptions"/> when it was built, checked and
/// copied, so that later changes to the options object cannot reach a client already in use.
/// </summary>
internal sealed class ClientSettings
{
    private ClientSettings(HeraldClientOptions options)
    {
        BaseAddress = options.BaseAddress;
        ParsedBase = options.BaseAddress is null ? null : ParsedUrl.Parse(options.BaseAddress.AbsoluteUri);
        DefaultHeaders = options.DefaultHeaders.AsReadOnly();
        UserAgent = options.UserAgent;
        Timeout = options.Timeout;
        ThrowOnError = options.ThrowOnError;
        IsSuccessStatus = options.IsSuccessStatus;
        ResponseBody = options.ResponseBody;
        CoerceMode = options.CoerceMode;
        DecodeBodyHeaders = options.DecodeBodyHeaders;
        MultiParamStyle = options.MultiParamStyle;
        TimeProvider = options.TimeProvider;
        JsonOptions = Freeze(options.JsonSerializerOptions);
        ShowQuery = options.Logging.LogQueryStrings;
        MaxReplayBufferBytes = options.MaxReplayBufferBytes;
        CredentialsPerCall = options.Auth.Credentials is not null && options.Auth.Origins.Count == 0 && options.BaseAddress is null;
    }

    public Uri? BaseAddress { get; }

    public ParsedUrl? ParsedBase { get; }

    public HeraldHeaders DefaultHeaders { get; }

    public string? UserAgent { get; }

    public TimeSpan Timeout { get; }

    public bool ThrowOnError { get; }

    public Func<int, bool> IsSuccessStatus { get; }

    public ResponseBodyKind ResponseBody { get; }

    public CoerceMode CoerceMode { get; }

    public bool DecodeBodyHeaders { get; }

    public MultiParamStyle MultiParamStyle { get; }

    public TimeProvider TimeProvider { get; }

    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The most bytes of a read-once request body kept for a resend (<see cref="HeraldClientOptions.MaxReplayBufferBytes"/>).</summary>
    public long MaxReplayBufferBytes { get; }

    /// <summary>
    /// Whether framework credentials are scoped to the origin each call starts at (no origins, no base address), so
    /// each call must tell them (<see cref="ScopedCredentials.EnterCall(Uri)"/>).
    /// </summary>
    public bool CredentialsPerCall { get; }

    /// <summary>Whether exception messages show URLs with their query (<see cref="ClientLoggingOptions.LogQueryStrings"/>).</summary>
    public bool ShowQuery { get; }

    /// <summary>Checks <paramref name="options"/> and copies what the client uses.</summary>
    /// <exception cref="ArgumentException">Thrown when a setting is invalid; the message names the property.</exception>
    public static ClientSettings From(HeraldClientOptions options)
    {
        if (options.BaseAddress is { } baseAddress
            && (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException(
                $"HeraldClientOptions.BaseAddress must be an absolute http or https URL; '{baseAddress}' is not.", nameof(options));
        }

        CheckTimeout(options.Timeout, "HeraldClientOptions.Timeout");
        if (options.UserAgent is { } userAgent)
        {
            HeaderValues.ValidateValue("User-Agent", userAgent);
        }

        if (options.IsSuccessStatus is null)
        {
            throw new ArgumentException("HeraldClientOptions.IsSuccessStatus must not be null; use HeraldStatus.IsUnexceptional for the default set.", nameof(options));
        }

        if (options.JsonSerializerOptions is null)
        {
            throw new ArgumentException("HeraldClientOptions.JsonSerializerOptions must not be null; use JsonSerializerOptions.Web for the default.", nameof(options));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("HeraldClientOptions.TimeProvider must not be null; use TimeProvider.System.", nameof(options));
        }

        if (options.MaxReplayBufferBytes < 0 || options.MaxReplayBufferBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                "HeraldClientOptions.MaxReplayBufferBytes",
                options.MaxReplayBufferBytes,
                $"HeraldClientOptions.MaxReplayBufferBytes must be from 0 to {Array.MaxLength} bytes (a copy is kept in one array).");
        }

        CheckEnum(options.ResponseBody, "HeraldClientOptions.ResponseBody");
        CheckEnum(options.CoerceMode, "HeraldClientOptions.CoerceMode");
        CheckEnum(options.MultiParamStyle, "HeraldClientOptions.MultiParamStyle");
        return new ClientSettings(options);
    }

    /// <summary>Throws unless <paramref name="timeout"/> is positive or infinite.</summary>
    public static void CheckTimeout(TimeSpan timeout, string name)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                name, timeout, $"{name} must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }
    }

    private static void CheckEnum<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} has no member {value}.");
        }
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        if (options.IsReadOnly)
        {
            return options;
        }

        // A copy, so the caller may keep changing theirs; read-only, so it is safe to share across threads.
        var copy = new JsonSerializerOptions(options);
        copy.MakeReadOnly(populateMissingResolver: true);
        return copy;
    }
}
