namespace Herald.Client;

/// <summary>What <see cref="CircuitBreakerOptions.OnStateChange"/> is told when the circuit changes state.</summary>
public sealed class CircuitStateChange
{
    internal CircuitStateChange(CircuitBreakerState state, TimeSpan? breakDuration, HttpResponseMessage? response, Exception? exception)
    {
        State = state;
        BreakDuration = breakDuration;
        Status = response is null ? null : (int)response.StatusCode;
        Exception = exception;
    }

    /// <summary>Gets the state the circuit is now in.</summary>
    public CircuitBreakerState State { get; }

    /// <summary>Gets how long the circuit stays open, when it has just opened; otherwise <see langword="null"/>.</summary>
    public TimeSpan? BreakDuration { get; }

    /// <summary>Gets the status of the response that caused the change (the last failure, or the good trial call), or <see langword="null"/>.</summary>
    public int? Status { get; }

    /// <summary>Gets the failure without a response that caused the change, or <see langword="null"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>Returns the state and its cause, e.g. <c>Open for 00:00:30 after 503</c>.</summary>
    public override string ToString()
    {
        var cause = Status is { } status ? $" after {status}" : Exception is { } ex ? $" after {ex.GetType().Name}" : string.Empty;
        return BreakDuration is { } duration ? $"{State} for {duration}{cause}" : $"{State}{cause}";
    }
}
