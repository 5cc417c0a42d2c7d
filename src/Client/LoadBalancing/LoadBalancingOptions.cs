namespace Herald.Client;

/// <summary>
/// Configures the load-balancing middleware (<see cref="LoadBalancingClientOptionsExtensions.AddLoadBalancing"/>), Ballerina's
/// <c>http:LoadBalanceClient</c>: calls are spread over several targets by a rule, and a call whose target fails in the
/// transport goes to the next one.
/// </summary>
public sealed class LoadBalancingOptions
{
    /// <summary>
    /// Gets the targets: base URLs such as <c>https://a.example.com:8080/api/</c> (a path without a trailing <c>/</c>
    /// gets one). A request written relative to <see cref="HeraldClientOptions.BaseAddress"/> (or to any target) is
    /// sent to each target with the same path and query below it. Targets carry no query and no user-info.
    /// </summary>
    /// <value>The default value is empty; at least one target is required.</value>
    public IList<Uri> Targets { get; } = [];

    /// <summary>Gets or sets the rule that picks each call's first target.</summary>
    /// <value>The default value is <see langword="null"/>: a new <see cref="RoundRobinRule"/> for each client.</value>
    public ILoadBalancingRule? Rule { get; set; }

    /// <summary>
    /// Gets or sets whether a call whose target fails in the transport (connection refused or reset, unknown host,
    /// TLS failure, a transport or attempt timeout) is sent to the next target. When <see langword="false"/> that
    /// failure is thrown as it is. A call that is not idempotent (POST, PATCH, …) moves on only when the request
    /// provably never left (the connection was refused, the name did not resolve, a streamed body was never read),
    /// unless it is marked with <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/>; otherwise the
    /// other targets are not tried (<see cref="TargetFailureKind.MayHaveBeenProcessed"/>).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FailOverOnTransportError { get; set; } = true;

    /// <summary>
    /// Gets or sets how long one target may take to answer (until the response headers arrive) before the call moves
    /// on to the next target. Measured with <see cref="HeraldClientOptions.TimeProvider"/>.
    /// </summary>
    /// <value>The default value is <see cref="Timeout.InfiniteTimeSpan"/>: only the client's <see cref="HeraldClientOptions.Timeout"/> and the transport's timeouts apply.</value>
    public TimeSpan AttemptTimeout { get; set; } = Timeout.InfiniteTimeSpan;
}
