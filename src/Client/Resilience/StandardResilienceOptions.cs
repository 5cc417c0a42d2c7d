using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Options of the standard resilience pipeline (<see cref="ResilienceClientOptionsExtensions.AddStandardResilience"/>),
/// as Microsoft's standard resilience handler: a total timeout around retries around a circuit breaker around a
/// timeout for each attempt.
/// </summary>
public sealed class StandardResilienceOptions
{
    /// <summary>Gets or sets how long a call may take with all its attempts and the waits between them.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long one attempt may take (until the response, and its body unless it is streamed); at most <see cref="TotalTimeout"/>.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the retry options.</summary>
    /// <value>The defaults of <see cref="RetryOptions"/>: 3 retries, exponential backoff from 2 seconds with jitter.</value>
    public RetryOptions Retry { get; } = new();

    /// <summary>Gets the circuit breaker options.</summary>
    /// <value>The defaults of <see cref="CircuitBreakerOptions"/>: opens at 10% failures over 30 seconds (100 attempts at least) for 5 seconds.</value>
    public CircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>Throws when a value is out of range; the message names the property.</summary>
    internal void Validate()
    {
        ResilienceSetup.CheckTimeout(TotalTimeout, "StandardResilienceOptions.TotalTimeout");
        ResilienceSetup.CheckTimeout(AttemptTimeout, "StandardResilienceOptions.AttemptTimeout");
        if (AttemptTimeout > TotalTimeout)
        {
            throw new ArgumentOutOfRangeException(
                "StandardResilienceOptions.AttemptTimeout",
                AttemptTimeout,
                $"StandardResilienceOptions.AttemptTimeout ({AttemptTimeout}) must not exceed TotalTimeout ({TotalTimeout}): the first attempt could never time out on its own.");
        }

        Retry.Validate("StandardResilienceOptions.Retry");
        CircuitBreaker.Validate("StandardResilienceOptions.CircuitBreaker");
    }
}
