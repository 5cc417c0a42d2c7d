using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Herald.Bench.Templates;

// A short job (one launch, 3 warm-ups, 10 iterations) in process, so a run takes a couple of minutes; the numbers are
// for comparing the engines with the baseline in one run, not absolute timings.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithToolchain(InProcessEmitToolchain.Instance));

BenchmarkRunner.Run<ProductsBenchmarks>(config, args);
