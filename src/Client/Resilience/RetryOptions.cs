using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Options of the retry in the resilience middleware (<see cref="ResilienceClientOptionsExtensions.AddRetry"/>): how
/// often, how long to wait, and which outcomes are retried. The defaults retry idempotent calls that failed in the
/// transport or timed out, or were answered 408, 429, 500, 502, 503 or 504, honouring <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Every attempt sends the whole request body again. Bytes, strings, JSON, forms, files and stream factories are
/// simply sent again. A body that can be read once only (a stream that cannot seek) is copied while it is first sent,
/// up to <see cref="HeraldClientOptions.MaxReplayBufferBytes"/> (1 MiB by default), and the copy is what later attempts
/// send. A read-once body larger than that is not retried: the call fails with <see cref="HeraldRetryException"/>,
/// whose message says the body could not be sent again and what to change (send it as bytes, a file or a stream
/// factory, or raise <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>).
/// </remarks>
public sealed class RetryOptions
{
    /// <summary>The longest <see cref="Delay"/> and <see cref="MaxDelay"/> allowed: one day.</summary>
    public static readonly TimeSpan MaxAllowedDelay = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets or sets how many times a call is sent again after its first attempt, at most (a request can set its own
    /// with <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/>).
    /// </summary>
    /// <value>The default value is 3: a call is sent at most 4 times.</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets how the delay grows from one retry to the next.</summary>
    /// <value>The default value is <see cref="RetryBackoff.Exponential"/>.</value>
    public RetryBackoff Backoff { get; set; } = RetryBackoff.Exponential;

    /// <summary>Gets or sets the base delay that <see cref="Backoff"/> starts from.</summary>
    /// <value>The default value is 2 seconds. <see cref="TimeSpan.Zero"/> retries at once.</value>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the longest wait before a retry: it caps the backoff and a server's <c>Retry-After</c> alike.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets whether each delay is randomized around its value (decorrelated jitter, as Polly does), so that
    /// many clients that failed together do not retry together.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a <c>Retry-After</c> header (seconds or an HTTP date) on a retried response sets the
    /// delay before the next attempt, capped by <see cref="MaxDelay"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HonorRetryAfter { get; set; } = true;

    /// <summary>
    /// Gets or sets what decides whether an attempt's outcome is retried, while attempts are left. A request that
    /// cannot be sent again (a read-once body larger than <see cref="HeraldClientOptions.MaxReplayBufferBytes"/>) is
    /// never retried: the call fails with <see cref="HeraldRetryException"/> instead.
    /// </summary>
    /// <value>
    /// The default value is <see cref="IsRetryable(RetryContext)"/>: idempotent calls with a transient failure. Compose
    /// it, e.g. <c>c =&gt; RetryOptions.IsRetryable(c) || c.Status == 409</c>, or
    /// <c>c =&gt; RetryOptions.IsTransientFailure(c)</c> to retry every method.
    /// </value>
    public Func<RetryContext, bool> ShouldRetry { get; set; } = IsRetryable;

    /// <summary>Returns whether <paramref name="context"/> is an idempotent call (<see cref="RetryContext.IsIdempotent"/>) that failed transiently (<see cref="IsTransientFailure(RetryContext)"/>).</summary>
    public static bool IsRetryable(RetryContext context) => context.IsIdempotent && IsTransientFailure(context);

    /// <summary>
    /// Returns whether the outcome is worth another attempt: a status from <see cref="IsTransientStatus(int)"/>, or a
    /// failure in the transport (connection refused or reset, a body cut off, a DNS failure, an HTTP/2 protocol error),
    /// a transport timeout or an attempt timeout. Not: a TLS certificate failure, a refused redirect, a cancellation.
    /// </summary>
    public static bool IsTransientFailure(RetryContext context) => context.Response is { } response
        ? IsTransientStatus((int)response.StatusCode)
        : TransientFailures.IsTransient(context.Exception);

    /// <summary>Returns whether <paramref name="status"/> is 408, 429, 500, 502, 503 or 504.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Returns whether <paramref name="method"/> is idempotent (RFC 9110 9.2.2): GET, HEAD, OPTIONS, TRACE, PUT, DELETE.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="method"/> is <see langword="null"/>.</exception>
    public static bool IsIdempotent(HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;
    }

    /// <summary>Throws when a value is out of range; the message names the property.</summary>
    internal void Validate(string prefix)
    {
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(
                $"{prefix}.MaxRetryAttempts", MaxRetryAttempts, $"{prefix}.MaxRetryAttempts must be 0 or more (0 sends each call once).");
        }

        if (!Enum.IsDefined(Backoff))
        {
            throw new ArgumentOutOfRangeException($"{prefix}.Backoff", Backoff, $"{prefix}.Backoff has no member {Backoff}; use a RetryBackoff value.");
        }

        if (Delay < TimeSpan.Zero || Delay > MaxAllowedDelay)
        {
            throw new ArgumentOutOfRangeException($"{prefix}.Delay", Delay, $"{prefix}.Delay must be from 0 to 1 day.");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > MaxAllowedDelay)
        {
            throw new ArgumentOutOfRangeException($"{prefix}.MaxDelay", MaxDelay, $"{prefix}.MaxDelay must be positive and at most 1 day.");
        }

        if (ShouldRetry is null)
        {
            throw new ArgumentException($"{prefix}.ShouldRetry must not be null; use RetryOptions.IsRetryable for the default.", $"{prefix}.ShouldRetry");
        }
    }
}
