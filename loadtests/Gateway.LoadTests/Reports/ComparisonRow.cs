using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Reports;

/// <summary>One target against the baseline (bare YARP): throughput as a ratio, latency as what it adds.</summary>
/// <param name="CpuRatio">The target process's CPU per request ÷ the baseline's (NaN when either was not measured).</param>
internal sealed record ComparisonRow(string Target, double ThroughputRatio, double AddedP50, double AddedP99, double P99Ratio, double CpuRatio = double.NaN)
{
    public static IReadOnlyList<ComparisonRow> Against(string? baseline, IReadOnlyList<RunSummary> targets)
    {
        RunSummary? reference = null;
        foreach (var target in targets)
        {
            if (target.Target == baseline)
            {
                reference = target;
            }
        }
        if (reference is null || reference.Completed == 0)
        {
            return [];
        }
        var rows = new List<ComparisonRow>(targets.Count);
        foreach (var target in targets)
        {
            rows.Add(new ComparisonRow(
                target.Target,
                Ratio(target.RequestsPerSecond, reference.RequestsPerSecond),
                target.Latency.P50 - reference.Latency.P50,
                target.Latency.P99 - reference.Latency.P99,
                Ratio(target.Latency.P99, reference.Latency.P99),
                Ratio(target.CpuMicrosecondsPerRequest, reference.CpuMicrosecondsPerRequest)));
        }
        return rows;
    }

    private static double Ratio(double value, double reference) => reference > 0 && !double.IsNaN(value) ? value / reference : double.NaN;
}
