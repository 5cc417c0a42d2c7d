namespace Herald.Client;

/// <summary>Why one target of a load balancer or failover middleware did not serve a call.</summary>
public enum TargetFailureKind
{
    /// <summary>The request failed in the transport: connection refused or reset, unknown host, TLS.</summary>
    Transport,

    /// <summary>
    /// No response arrived in time: the attempt timeout (<see cref="LoadBalancingOptions.AttemptTimeout"/>,
    /// <see cref="FailoverOptions.AttemptTimeout"/>) or a transport timeout (<see cref="TransportOptions.ConnectTimeout"/>, <see cref="TransportOptions.ReadTimeout"/>).
    /// </summary>
    Timeout,

    /// <summary>The target answered with a status that fails over (<see cref="FailoverOptions.FailoverStatusCodes"/>).</summary>
    Status,

    /// <summary>The target was not tried: the request body had been sent once and could not be sent again.</summary>
    BodyNotReplayable,

    /// <summary>
    /// The target was not tried: the request is not idempotent (POST, PATCH, …), and the target before it failed after
    /// the request had left, so it may have processed it. Mark a request that is safe to send twice with
    /// <see cref="ResilienceRequestExtensions.Retry(HeraldRequest, int?)"/> to let it move on.
    /// </summary>
    MayHaveBeenProcessed,
}
