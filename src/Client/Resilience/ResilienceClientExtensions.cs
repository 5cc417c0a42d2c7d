namespace Herald.Client;

/// <summary>What a <see cref="HeraldClient"/>'s resilience middleware can tell about itself.</summary>
public static class ResilienceClientExtensions
{
    /// <summary>
    /// Returns the current state of the client's circuit breaker (<see cref="ResilienceClientOptionsExtensions.AddCircuitBreaker"/>).
    /// Each client built from the options has a circuit of its own.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <returns>The state of the circuit now.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the client has no circuit breaker.</exception>
    public static CircuitBreakerState GetCircuitState(this HeraldClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var handler = client.Pipeline; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (handler is ResilienceHandler { CircuitState: { } state })
            {
                return state;
            }
        }

        throw new InvalidOperationException(
            "This client has no circuit breaker: install one with options.AddCircuitBreaker(...) or options.AddStandardResilience(...).");
    }
}
