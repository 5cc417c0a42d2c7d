namespace Herald.Client;

/// <summary>Sends each call to the next target in turn, wrapping around: the default <see cref="ILoadBalancingRule"/>. Thread-safe.</summary>
public sealed class RoundRobinRule : ILoadBalancingRule
{
    private uint _next = uint.MaxValue;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="targets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="targets"/> is empty.</exception>
    public int SelectTarget(IReadOnlyList<Uri> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count, nameof(targets));

        // Unsigned, so wrapping past uint.MaxValue after four billion calls keeps the order instead of going negative.
        return (int)(Interlocked.Increment(ref _next) % (uint)targets.Count);
    }
}
