namespace Herald.Client;

/// <summary>
/// Options of the circuit breaker in the resilience middleware (<see cref="ResilienceClientOptionsExtensions.AddCircuitBreaker"/>).
/// When, within <see cref="SamplingDuration"/>, at least <see cref="MinimumThroughput"/> attempts were made and the
/// share of failures reaches <see cref="FailureRatio"/>, the circuit opens: calls fail at once with
/// <see cref="CircuitOpenException"/> for <see cref="BreakDuration"/>. Then one trial call goes through (half-open);
/// a success closes the circuit, a failure opens it again.
/// </summary>
/// <remarks>
/// One circuit covers every host the clients of these options call, so use options per remote service. The circuit
/// is shared by every client built from the options, and under dependency injection by every client of the name
/// across handler rotations, so an open circuit is not forgotten when a short-lived client goes away.
/// </remarks>
public sealed class CircuitBreakerOptions
{
    /// <summary>Gets or sets the share of failed attempts, from 0 (exclusive) to 1, that opens the circuit.</summary>
    /// <value>The default value is 0.1 (10%).</value>
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>Gets or sets how many attempts the sampling window must hold before the ratio can open the circuit; at least 2.</summary>
    /// <value>The default value is 100.</value>
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>Gets or sets the length of the sliding window the ratio is taken over; at least half a second.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before it lets a trial call through; at least half a second.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets which response statuses count as failures. Failures without a response (transport errors,
    /// timeouts) always count; cancellations never do.
    /// </summary>
    /// <value>The default value is <see cref="IsDefaultFailureStatus(int)"/>: 408, 429 and every 5xx.</value>
    public Func<int, bool> IsFailureStatus { get; set; } = IsDefaultFailureStatus;

    /// <summary>
    /// Gets or sets a callback told of every change of state (opened, half-open, closed). It runs on the call that
    /// caused the change: keep it short; an exception from it fails that call.
    /// </summary>
    /// <value>The default value is <see langword="null"/>. Read the state at any time with <see cref="ResilienceClientExtensions.GetCircuitState(HeraldClient)"/>.</value>
    public Action<CircuitStateChange>? OnStateChange { get; set; }

    /// <summary>Returns whether <paramref name="status"/> is 408, 429 or 5xx.</summary>
    public static bool IsDefaultFailureStatus(int status) => status is 408 or 429 or (>= 500 and <= 599);

    /// <summary>Throws when a value is out of range; the message names the property.</summary>
    internal void Validate(string prefix)
    {
        if (!(FailureRatio > 0 && FailureRatio <= 1))
        {
            throw new ArgumentOutOfRangeException(
                $"{prefix}.FailureRatio", FailureRatio, $"{prefix}.FailureRatio must be above 0 and at most 1 (0.1 opens at 10% failures).");
        }

        if (MinimumThroughput < 2)
        {
            throw new ArgumentOutOfRangeException(
                $"{prefix}.MinimumThroughput", MinimumThroughput, $"{prefix}.MinimumThroughput must be at least 2 attempts.");
        }

        CheckAtLeastHalfSecond(SamplingDuration, $"{prefix}.SamplingDuration");
        CheckAtLeastHalfSecond(BreakDuration, $"{prefix}.BreakDuration");
        if (IsFailureStatus is null)
        {
            throw new ArgumentException(
                $"{prefix}.IsFailureStatus must not be null; use CircuitBreakerOptions.IsDefaultFailureStatus for the default.", $"{prefix}.IsFailureStatus");
        }
    }

    private static void CheckAtLeastHalfSecond(TimeSpan value, string name)
    {
        // Polly's own bounds, checked here so the message names Herald's property.
        if (value < TimeSpan.FromMilliseconds(500) || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from 0.5 seconds to 1 day.");
        }
    }
}
