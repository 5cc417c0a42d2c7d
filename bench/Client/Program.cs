// Client overhead benchmarks: `dotnet run -c Release --project bench/Client -- --filter '*'` runs them all;
// `--filter '*Json*'` or `--filter '*Connection*'` picks one class. bench/RESULTS.md holds the recorded tables.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Herald.Bench.Client.Todo).Assembly).Run(args);
