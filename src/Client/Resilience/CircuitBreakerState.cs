namespace Herald.Client;

/// <summary>
/// The state of the circuit breaker shared by the clients of one options object
/// (<see cref="ResilienceClientExtensions.GetCircuitState(HeraldClient)"/>, <see cref="ResilienceClientExtensions.GetCircuitState(HeraldClientOptions)"/>).
/// </summary>
public enum CircuitBreakerState
{
    /// <summary>Calls go through; failures are counted.</summary>
    Closed,

    /// <summary>Calls fail at once with <see cref="CircuitOpenException"/> until the break is over.</summary>
    Open,

    /// <summary>
    /// The break is over and a trial call is going through; it decides whether the circuit closes or opens again. The
    /// circuit turns half-open when the first call after the break arrives: until then it reads as <see cref="Open"/>.
    /// </summary>
    HalfOpen,
}
