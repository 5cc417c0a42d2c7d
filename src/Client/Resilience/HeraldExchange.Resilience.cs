namespace Herald.Client.Internal;

/// <summary>What the resilience middleware records for one call.</summary>
internal sealed partial class HeraldExchange
{
    /// <summary>How many times the call was sent (1 without retries); <see cref="HeraldResponse.Attempts"/> reports it.</summary>
    public int Attempts { get; set; } = 1;

    /// <summary>
    /// Whether the caller reads the whole response body before it gets the response (every body kind but a stream):
    /// <see cref="HeraldClient"/> sets it when it starts a call. The resilience middleware then reads the body inside
    /// each attempt, so a connection that breaks mid-body is retried and counted by the attempt timeout.
    /// </summary>
    public bool BuffersResponseBody { get; set; }
}
