using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>What a <see cref="HeraldClient"/>'s resilience middleware can tell about itself.</summary>
public static class ResilienceClientExtensions
{
    /// <summary>
    /// Returns the current state of the client's circuit breaker (<see cref="ResilienceClientOptionsExtensions.AddCircuitBreaker"/>).
    /// The circuit is shared by every client built from the same options (see
    /// <see cref="GetCircuitState(HeraldClientOptions)"/>), so this is also the state those clients see.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <returns>The state of the circuit now.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the client has no circuit breaker, or sends through an
    /// <see cref="HttpClient"/> whose handlers it did not build (<c>IHttpClientFactory</c>'s): read the state from the
    /// options then.</exception>
    public static CircuitBreakerState GetCircuitState(this HeraldClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Pipeline is null)
        {
            throw new InvalidOperationException(
                "This client sends through an HttpClient whose handler chain it did not build (IHttpClientFactory's, say), so it cannot see "
                + "that chain's circuit: read it from the options the chain was built from with options.GetCircuitState() "
                + "(under dependency injection, IOptionsMonitor<HeraldClientOptions>.Get(name).GetCircuitState()).");
        }

        for (var handler = client.Pipeline; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (handler is ResilienceHandler { CircuitState: { } state })
            {
                return state;
            }
        }

        throw NoCircuitBreaker("This client has");
    }

    /// <summary>
    /// Returns the current state of the circuit breaker that clients built from these options share
    /// (<see cref="ResilienceClientOptionsExtensions.AddCircuitBreaker"/>): every <see cref="HeraldClient"/> built from
    /// them, and under dependency injection every client of the name across the factory's handler rotations. Use it
    /// where the client cannot tell (<see cref="GetCircuitState(HeraldClient)"/> of a client over
    /// <c>IHttpClientFactory</c>), e.g. in a health check.
    /// </summary>
    /// <remarks>
    /// Reading the state builds nothing. Until a client is built from the options, or after an <c>Add…</c> call or a
    /// new <see cref="HeraldClientOptions.TimeProvider"/> or logger that gives the next client a fresh circuit, the
    /// state is <see cref="CircuitBreakerState.Closed"/>: that of the circuit the next client gets. Clients built
    /// before such a change keep the circuit they were built with.
    /// </remarks>
    /// <param name="options">The client options.</param>
    /// <returns>The state of the shared circuit now.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when the options install no circuit breaker.</exception>
    public static CircuitBreakerState GetCircuitState(this HeraldClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ResilienceSetup.Find(options) is not { CircuitBreaker: not null } setup)
        {
            throw NoCircuitBreaker("These options have");
        }

        return setup.CurrentPipeline()?.CircuitState ?? CircuitBreakerState.Closed;
    }

    private static InvalidOperationException NoCircuitBreaker(string subject) => new(
        $"{subject} no circuit breaker: install one with options.AddCircuitBreaker(...) or options.AddStandardResilience(...).");
}
