using Herald.Client.Internal;

namespace Herald.Client;

/// <summary>
/// The load-balancing middleware: each call starts at the target the rule picks; a transport failure moves it to the
/// next target in list order, each tried once; any HTTP response, a 5xx included, is returned as it is.
/// </summary>
internal sealed class LoadBalancingHandler : TargetsHandler
{
    private readonly ILoadBalancingRule _rule;
    private readonly bool _failOver;

    public LoadBalancingHandler(TargetList targets, ILoadBalancingRule rule, bool failOver, TimeSpan attemptTimeout, TimeProvider time)
        : base(targets, attemptTimeout, "LoadBalancingOptions.AttemptTimeout", time)
    {
        _rule = rule;
        _failOver = failOver;
    }

    protected override bool FailOverOnTransportError => _failOver;

    protected override int FirstTarget()
    {
        var index = _rule.SelectTarget(Targets.Targets);
        if ((uint)index >= (uint)Targets.Count)
        {
            throw new InvalidOperationException(
                $"The load-balancing rule {_rule.GetType().Name} returned {index}; it must return an index from 0 to {Targets.Count - 1}.");
        }

        return index;
    }
}
