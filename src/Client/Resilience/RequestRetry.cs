namespace Herald.Client.Internal;

/// <summary>A request's own retry setting (<see cref="ResilienceRequestExtensions"/>), carried in its options.</summary>
internal sealed class RequestRetry
{
    /// <summary>The setting of <see cref="ResilienceRequestExtensions.NoRetry(HeraldRequest)"/>.</summary>
    public static readonly RequestRetry Off = new(enabled: false, maxRetryAttempts: 0);

    /// <summary>The setting of <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/> without a count.</summary>
    public static readonly RequestRetry Idempotent = new(enabled: true, maxRetryAttempts: null);

    public RequestRetry(bool enabled, int? maxRetryAttempts)
    {
        Enabled = enabled;
        MaxRetryAttempts = maxRetryAttempts;
    }

    /// <summary>Whether the request may be retried at all.</summary>
    public bool Enabled { get; }

    /// <summary>The request's own retry count, or <see langword="null"/> for the client's.</summary>
    public int? MaxRetryAttempts { get; }
}
