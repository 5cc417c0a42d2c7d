namespace Herald.Client;

/// <summary>Sends each call to a target chosen at random with equal chances (<see cref="Random.Shared"/>). Thread-safe.</summary>
public sealed class RandomRule : ILoadBalancingRule
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="targets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="targets"/> is empty.</exception>
    public int SelectTarget(IReadOnlyList<Uri> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count, nameof(targets));
        return Random.Shared.Next(targets.Count);
    }
}
