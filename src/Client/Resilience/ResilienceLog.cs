using Microsoft.Extensions.Logging;

namespace Herald.Client.Internal;

/// <summary>The resilience middleware's messages, compiled once by the logging source generator.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "HTTP {Method} {Url} attempt {Attempt} {Outcome}; retrying in {DelayMilliseconds} ms")]
    public static partial void Retrying(ILogger logger, string method, string url, int attempt, string outcome, double delayMilliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "HTTP {Method} {Url} attempt {Attempt} {Outcome}; not retried: the request body is a read-once stream of which no whole copy was kept")]
    public static partial void BodyNotReplayable(ILogger logger, string method, string url, int attempt, string outcome);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Circuit breaker opened for {BreakMilliseconds} ms after {Outcome}")]
    public static partial void CircuitOpened(ILogger logger, double breakMilliseconds, string outcome);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Circuit breaker half-open: letting a trial call through")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Circuit breaker closed")]
    public static partial void CircuitClosed(ILogger logger);
}
