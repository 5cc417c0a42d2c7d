using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Herald.Bench.Client;

/// <summary>
/// One launch, 3 warm-up and 10 measured iterations per benchmark: the whole suite takes a few minutes on 2 cores,
/// and 10 iterations keep the error column meaningful on a machine that is not quiet.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
