using System.Text;
using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Reports;

/// <summary>The report as CSV files, one row per target (and per status, decision or second).</summary>
internal static class CsvReportWriter
{
    public static string Summary(RunReport report)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "target", "scenario", "load", "measured_s", "requests", "requests_per_s", "errors", "unsent",
            "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "service_p50_ms", "service_p99_ms", "send_lag_p99_ms",
            "server_errors", "decision_p50_ms", "decision_p99_ms", "decision_max_ms", "passed_decision_p99_ms", "fail_open_responses", "cpu_us_per_request");
        foreach (var target in report.Targets)
        {
            Csv.AppendRow(csv, Csv.Field(target.Target), Csv.Field(report.Scenario), Csv.Field(report.Load),
                Csv.Number(target.MeasuredSeconds), Csv.Number(target.Completed), Csv.Number(target.RequestsPerSecond),
                Csv.Number(target.Errors), Csv.Number(target.Unsent),
                Csv.Number(target.Latency.P50), Csv.Number(target.Latency.P90), Csv.Number(target.Latency.P99),
                Csv.Number(target.Latency.P999), Csv.Number(target.Latency.Max), Csv.Number(target.Latency.Mean),
                Csv.Number(target.ServiceTime.P50), Csv.Number(target.ServiceTime.P99), Csv.Number(target.DispatchLag.P99),
                Csv.Number(target.ServerErrors), Csv.Number(target.DecisionTime.P50), Csv.Number(target.DecisionTime.P99),
                Csv.Number(target.DecisionTime.Max), Csv.Number(target.PassedDecisionTime.P99), Csv.Number(target.FailOpenResponses),
                double.IsNaN(target.CpuMicrosecondsPerRequest) ? "" : Csv.Number(target.CpuMicrosecondsPerRequest));
        }
        return csv.ToString();
    }

    public static string Statuses(RunReport report)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "target", "status", "count");
        foreach (var target in report.Targets)
        {
            foreach (var status in target.Statuses)
            {
                Csv.AppendRow(csv, Csv.Field(target.Target), StatusName(status.StatusCode), Csv.Number(status.Count));
            }
        }
        return csv.ToString();
    }

    public static string Decisions(RunReport report)
    {
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "target", "kind", "decision", "count");
        foreach (var target in report.Targets)
        {
            foreach (var decision in target.Decisions)
            {
                Csv.AppendRow(csv, Csv.Field(target.Target), decision.Kind.ToString().ToLowerInvariant(),
                    DecisionName(decision.Decision), Csv.Number(decision.Count));
            }
        }
        return csv.ToString();
    }

    public static string Timeline(RunReport report)
    {
        var csv = new StringBuilder();
        var header = new List<string> { "target", "second", "requests", "errors", "unsent", "p50_ms", "p90_ms", "p99_ms", "max_ms",
            "decision_p99_ms", "fail_open" };
        for (var i = 0; i < FailOpenCauses.Count; i++)
        {
            header.Add(FailOpenCauses.ColumnName(i));
        }
        header.Add("store_state");
        Csv.AppendRow(csv, [.. header]);
        foreach (var target in report.Targets)
        {
            foreach (var point in target.Timeline)
            {
                var row = new List<string>
                {
                    Csv.Field(target.Target), Csv.Number(point.Second), Csv.Number(point.Requests),
                    Csv.Number(point.Errors), Csv.Number(point.Unsent), Csv.Number(point.P50), Csv.Number(point.P90),
                    Csv.Number(point.P99), Csv.Number(point.Max), Csv.Number(point.DecisionP99), Csv.Number(point.FailOpenResponses),
                };
                for (var i = 0; i < FailOpenCauses.Count; i++)
                {
                    row.Add(Csv.Number(point.FailOpenCount(i)));
                }
                row.Add(Csv.Field(point.StoreState ?? ""));
                Csv.AppendRow(csv, [.. row]);
            }
        }
        return csv.ToString();
    }

    /// <returns>Null when the report has no baseline to compare with.</returns>
    public static string? Comparison(RunReport report)
    {
        var rows = report.Comparison();
        if (rows.Count == 0)
        {
            return null;
        }
        var csv = new StringBuilder();
        Csv.AppendRow(csv, "target", "baseline", "throughput_ratio", "added_p50_ms", "added_p99_ms", "p99_ratio", "cpu_per_request_ratio");
        foreach (var row in rows)
        {
            Csv.AppendRow(csv, Csv.Field(row.Target), Csv.Field(report.Baseline), Csv.Number(row.ThroughputRatio),
                Csv.Number(row.AddedP50), Csv.Number(row.AddedP99), Csv.Number(row.P99Ratio),
                double.IsNaN(row.CpuRatio) ? "" : Csv.Number(row.CpuRatio));
        }
        return csv.ToString();
    }

    internal static string StatusName(int statusCode) => statusCode == 0 ? "error" : Csv.Number(statusCode);

    internal static string DecisionName(DecisionOutcome decision) => decision switch
    {
        DecisionOutcome.None => "none",
        DecisionOutcome.Unrecognised => "unrecognised",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
