namespace Herald.Client;

public sealed partial class HeraldResponse
{
    /// <summary>
    /// Gets the target (a base URL of <see cref="LoadBalancingOptions.Targets"/> or <see cref="FailoverOptions.Targets"/>)
    /// that served this response, or <see langword="null"/> when the call was not sent through one.
    /// </summary>
    public Uri? Target => _exchange.Target;

    /// <summary>Gets the targets that failed before <see cref="Target"/> served the call, in the order tried; empty when none did.</summary>
    public IReadOnlyList<TargetFailure> FailedTargets => _exchange.FailedTargets ?? [];
}
