using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Gateway.Benchmarks;

internal static class BenchmarkConfigs
{
    /// <summary>BenchmarkDotNet's default job (separate process, pilot, warm-up, enough iterations for
    /// tight intervals), ratios against each class's baseline, allocations.</summary>
    public static IConfig Full() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
        .AddColumn(RankColumn.Arabic);

    /// <summary>
    /// A smoke run: in this process (no generated project to build), one warm-up and three short
    /// iterations. Good for "does every benchmark run and what order of magnitude"; its error
    /// bars are wide, so never quote it.
    /// </summary>
    public static IConfig Quick() => ManualConfig.CreateEmpty()
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
        .AddExporter(DefaultConfig.Instance.GetExporters().ToArray())
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
            .WithId("Quick"));
}
