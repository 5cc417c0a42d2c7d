namespace Herald.Client;

/// <summary>How the delay between retries grows (<see cref="RetryOptions.Backoff"/>).</summary>
public enum RetryBackoff
{
    /// <summary>Every retry waits <see cref="RetryOptions.Delay"/>.</summary>
    Constant,

    /// <summary>Retry <c>n</c> waits <c>n × </c><see cref="RetryOptions.Delay"/>.</summary>
    Linear,

    /// <summary>Retry <c>n</c> waits <c>2^(n-1) × </c><see cref="RetryOptions.Delay"/>.</summary>
    Exponential,
}
