namespace Herald.Client;

/// <summary>
/// Configures the failover middleware (<see cref="FailoverClientOptionsExtensions.AddFailover"/>), Ballerina's
/// <c>http:FailoverClient</c>: a call goes to one target at a time, in order, moving on when a target fails in the
/// transport or answers with a failover status, and starts at the target that last served a call.
/// </summary>
public sealed class FailoverOptions
{
    /// <summary>
    /// Gets the targets, in the order they are tried: base URLs such as <c>https://a.example.com:8080/api/</c> (a path
    /// without a trailing <c>/</c> gets one). A request written relative to <see cref="HeraldClientOptions.BaseAddress"/>
    /// (or to any target) is sent to each target with the same path and query below it.
    /// </summary>
    /// <value>The default value is empty; at least one target is required.</value>
    public IList<Uri> Targets { get; } = [];

    /// <summary>
    /// Gets the statuses that send the call on to the next target (the response is disposed). When every target fails,
    /// <see cref="AllTargetsFailedException"/> is thrown, listing each target's status or error, as Ballerina returns an error.
    /// </summary>
    /// <remarks>
    /// A failover status moves every call on, a POST or PATCH too, as in Ballerina: the target answered, and a 501 or
    /// 503 says it did not act on the request. A 502 or 504 may come from a gateway after the service behind it acted;
    /// remove them from this set when a non-idempotent call must never reach a second target after one. (A transport
    /// failure moves a non-idempotent call on only when the request provably never left; see
    /// <see cref="TargetFailureKind.MayHaveBeenProcessed"/>.) The cache's own <c>504</c> for <c>only-if-cached</c> is final
    /// and never moves a call on.
    /// </remarks>
    /// <value>The default value is 501, 502, 503 and 504.</value>
    public ISet<int> FailoverStatusCodes { get; } = new HashSet<int> { 501, 502, 503, 504 };

    /// <summary>Gets or sets how long to wait before trying the next target. Measured with <see cref="HeraldClientOptions.TimeProvider"/>.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>: the next target is tried at once.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Gets or sets how long one target may take to answer (until the response headers arrive) before the call moves
    /// on to the next target. Measured with <see cref="HeraldClientOptions.TimeProvider"/>.
    /// </summary>
    /// <value>The default value is <see cref="Timeout.InfiniteTimeSpan"/>: only the client's <see cref="HeraldClientOptions.Timeout"/> and the transport's timeouts apply.</value>
    public TimeSpan AttemptTimeout { get; set; } = Timeout.InfiniteTimeSpan;
}
