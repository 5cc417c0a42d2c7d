namespace Herald.Client.Internal;

/// <summary>What the load-balancing and failover middleware record for one call.</summary>
internal sealed partial class HeraldExchange
{
    private bool _callBaseKnown;
    private Uri? _callBase;

    /// <summary>The target that served the call, or <see langword="null"/> when no target middleware moved it.</summary>
    public Uri? Target { get; set; }

    /// <summary>The targets that failed before <see cref="Target"/> served the call, in order; <see langword="null"/> when none did.</summary>
    public IReadOnlyList<TargetFailure>? FailedTargets { get; set; }

    /// <summary>
    /// The base address the call started with, remembered the first time it is asked for: each attempt replaces
    /// <see cref="BaseAddress"/> with its target, and a retry above sends the same call through again.
    /// </summary>
    public Uri? CallBaseAddress()
    {
        if (!_callBaseKnown)
        {
            _callBase = BaseAddress;
            _callBaseKnown = true;
        }

        return _callBase;
    }

    /// <summary>
    /// Starts an attempt on <paramref name="target"/> (<see cref="BeginAttempt"/>), and client-wide credentials scoped
    /// to the base address go to the target that stands in for it.
    /// </summary>
    public void BeginTargetAttempt(Uri target)
    {
        Target = target;
        BaseAddress = target;
        BeginAttempt();
    }
}
