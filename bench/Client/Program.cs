// Client overhead benchmarks: `dotnet run -c Release --project bench/Client -- --filter '*'` runs them all;
// `--filter '*Json*'` or `--filter '*Connection*'` picks one class, and `-- allocations` ranks what each client's
// allocations per request are made of. bench/RESULTS.md holds the recorded tables.
using BenchmarkDotNet.Running;
using Herald.Bench.Client;

if (args is ["allocations"])
{
    await AllocationSampler.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Todo).Assembly).Run(args);
