using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// Thrown when the circuit breaker is open (or half-open with its trial call in flight): the call was not sent. See
/// <see cref="CircuitBreakerOptions"/>.
/// </summary>
public sealed class CircuitOpenException : HttpRequestException
{
    internal CircuitOpenException(HttpMethod method, Uri? uri, CircuitBreakerState state, TimeSpan? retryAfter, Exception inner, bool showQuery)
        : base(MessageFor(method, DisplayUrl.Of(uri, showQuery), state, retryAfter), inner)
    {
        Method = method;
        RequestUri = uri;
        State = state;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the method of the call that was refused.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the URL of the call that was refused. The message shows it without its query string.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Gets the state of the circuit when the call was refused: <see cref="CircuitBreakerState.Open"/>, or <see cref="CircuitBreakerState.HalfOpen"/> while the trial call runs.</summary>
    public CircuitBreakerState State { get; }

    /// <summary>Gets how long until the circuit lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string MessageFor(HttpMethod method, string uri, CircuitBreakerState state, TimeSpan? retryAfter)
    {
        var when = state == CircuitBreakerState.HalfOpen
            ? "a trial call is in flight and decides whether it closes"
            : retryAfter is { } after ? $"it lets a trial call through in {after.TotalSeconds:0.###} s" : "it lets a trial call through when the break is over";
        return $"{method.Method} {uri} was not sent: the circuit breaker is {(state == CircuitBreakerState.HalfOpen ? "half-open" : "open")} after too many failures, and {when}. "
            + "Wait and call again, or tune CircuitBreakerOptions (FailureRatio, MinimumThroughput, BreakDuration).";
    }
}
