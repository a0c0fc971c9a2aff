using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no generated project), so it runs on whatever SDK builds this project.
// `--quick` runs each benchmark briefly (a smoke figure); otherwise a short-run job (3 warm-ups, 3 iterations... see BenchmarkDotNet's ShortRun).
var quick = args.Contains("--quick");
var job = (quick ? Job.Dry.WithIterationCount(3).WithInvocationCount(20000).WithUnrollFactor(1) : Job.ShortRun)
    .WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkRunner.Run<Hug.Benchmarks.EndpointBenchmarks>(config, args.Where(a => a != "--quick").ToArray());
