namespace Herald.Client.Tests.Infrastructure;

/// <summary>Tests that measure process-wide allocation: they run with no other test in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitiveCollection
{
    public const string Name = "allocation-sensitive";
}
