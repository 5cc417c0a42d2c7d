namespace Herald.Client;

/// <summary>The state of a client's circuit breaker (<see cref="ResilienceClientExtensions.GetCircuitState(HeraldClient)"/>).</summary>
public enum CircuitBreakerState
{
    /// <summary>Calls go through; failures are counted.</summary>
    Closed,

    /// <summary>Calls fail at once with <see cref="CircuitOpenException"/> until the break is over.</summary>
    Open,

    /// <summary>The break is over: one trial call goes through and decides whether the circuit closes or opens again.</summary>
    HalfOpen,
}
