using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>Per-request retry settings on <see cref="HeraldRequest"/> (override <see cref="RetryOptions"/>).</summary>
public static class ResilienceRequestExtensions
{
    /// <summary>The per-request retry setting, read by the resilience middleware.</summary>
    internal static readonly HttpRequestOptionsKey<RequestRetry> RetryKey = new("Herald.Resilience.Retry");

    /// <summary>
    /// Declares this request safe to send more than once whatever its method (a POST with an idempotency key, say), so
    /// the retry treats it as idempotent (<see cref="RetryContext.IsIdempotent"/>); optionally with its own retry count.
    /// Retrying needs the retry middleware (<see cref="ResilienceClientOptionsExtensions.AddRetry"/>). Load balancing and
    /// failover read the same mark: such a request moves on to the next target after any transport failure.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="maxRetryAttempts">How many times to send it again at most, or <see langword="null"/> for <see cref="RetryOptions.MaxRetryAttempts"/>.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="maxRetryAttempts"/> is negative.</exception>
    public static HeraldRequest Retry(this HeraldRequest request, int? maxRetryAttempts = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (maxRetryAttempts is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(maxRetryAttempts));
        }

        return request.SetOption(RetryKey, maxRetryAttempts is null ? RequestRetry.Idempotent : new RequestRetry(true, maxRetryAttempts));
    }

    /// <summary>Sends this request once, whatever the retry middleware would do: a failure is returned or thrown as it comes.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The request, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    public static HeraldRequest NoRetry(this HeraldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SetOption(RetryKey, RequestRetry.Off);
    }
}
