namespace Herald.Client;

/// <summary>
/// Chooses the target a call goes to first (Ballerina's <c>LoadBalancerRule</c>). Herald ships <see cref="RoundRobinRule"/>
/// (the default) and <see cref="RandomRule"/>. When the chosen target fails in the transport, the next ones in list order
/// are tried, each once.
/// </summary>
/// <remarks>Called concurrently by every call of the client: implementations must be thread-safe, and quick.</remarks>
public interface ILoadBalancingRule
{
    /// <summary>Returns the index in <paramref name="targets"/> of the target the next call starts at.</summary>
    /// <param name="targets">The targets, never empty, in the order they were configured.</param>
    /// <returns>An index from 0 to <c>targets.Count - 1</c>.</returns>
    int SelectTarget(IReadOnlyList<Uri> targets);
}
