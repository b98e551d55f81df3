using System.Globalization;
using System.Text;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Reports;

/// <summary>The report as Markdown: settings, one results table, the comparison, status codes and decisions.</summary>
internal static class MarkdownReportWriter
{
    /// <param name="plotFile">The latency-over-time picture beside the report, if one was drawn.</param>
    public static string Write(RunReport report, string? plotFile = null)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(report.Title).Append("\n\n");
        AppendSettings(md, report);
        md.Append("## Results\n\n");
        AppendResults(md, report);
        if (plotFile is not null)
        {
            md.Append("\n![Latency over time](").Append(plotFile).Append(")\n");
        }
        var comparison = report.Comparison();
        if (comparison.Count > 0)
        {
            md.Append("\n## Compared with ").Append(report.Baseline).Append("\n\n");
            AppendComparison(md, comparison);
        }
        if (HasDecisionTimes(report.Targets))
        {
            md.Append("\n## Decision time, failures and fail-open\n\n");
            AppendDecisionTimes(md, report.Targets);
        }
        md.Append("\n## Status codes\n\n");
        AppendStatuses(md, report.Targets);
        md.Append("\n## Decisions by traffic kind\n\n");
        md.Append("From the `X-Protection-Decision` header; `none` means the response carried no header ");
        md.Append("(the upstream itself, a bare proxy, or the header switched off).\n\n");
        AppendDecisions(md, report.Targets);
        return md.ToString();
    }

    /// <summary>The results and comparison tables alone, for the console.</summary>
    public static string Tables(RunReport report)
    {
        var md = new StringBuilder();
        AppendResults(md, report);
        var comparison = report.Comparison();
        if (comparison.Count > 0)
        {
            md.Append('\n');
            AppendComparison(md, comparison);
        }
        return md.ToString();
    }

    private static void AppendSettings(StringBuilder md, RunReport report)
    {
        var env = report.Environment;
        md.Append("- Scenario: **").Append(report.Scenario).Append("**: ").Append(report.ScenarioDescription).Append('\n');
        md.Append("- Phases: ").Append(report.ScenarioPhases).Append('\n');
        md.Append("- Load: ").Append(report.Load).Append("; warm-up ").Append(Seconds(report.WarmUpSeconds))
            .Append(" (not recorded); measured ").Append(Seconds(report.DurationSeconds));
        if (report.MaxRequests > 0)
        {
            md.Append(" or ").Append(report.MaxRequests.ToString("N0", CultureInfo.InvariantCulture)).Append(" requests, whichever comes first");
        }
        md.Append('\n');
        md.Append("- Clients: ").Append(report.Clients.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" simulated addresses (X-Forwarded-For); seed ").Append(report.Seed).Append('\n');
        md.Append("- Machine: ").Append(env.Processors).Append(" processors; ").Append(env.OperatingSystem).Append("; ")
            .Append(env.Runtime).Append("; build ").Append(env.BuildConfiguration).Append("; started ").Append(env.StartedUtc).Append('\n');
        foreach (var note in report.Notes)
        {
            md.Append("- ").Append(note).Append('\n');
        }
        if (env.IsDebugBuild)
        {
            md.Append("- **Warning: not a Release build; these figures do not represent the gateway.**\n");
        }
        md.Append('\n');
    }

    private static void AppendResults(StringBuilder md, RunReport report)
    {
        md.Append("| target | requests | req/s | errors | unsent | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | mean ms | service p99 ms | send lag p99 ms | CPU µs/request |\n");
        md.Append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var t in report.Targets)
        {
            md.Append("| ").Append(t.Target)
                .Append(" | ").Append(t.Completed.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" | ").Append(t.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" | ").Append(t.Errors.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(t.Unsent.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(Ms(t.Latency.P50)).Append(" | ").Append(Ms(t.Latency.P90))
                .Append(" | ").Append(Ms(t.Latency.P99)).Append(" | ").Append(Ms(t.Latency.P999))
                .Append(" | ").Append(Ms(t.Latency.Max)).Append(" | ").Append(Ms(t.Latency.Mean))
                .Append(" | ").Append(Ms(t.ServiceTime.P99)).Append(" | ").Append(Ms(t.DispatchLag.P99))
                .Append(" | ").Append(double.IsNaN(t.CpuMicrosecondsPerRequest) ? "" : t.CpuMicrosecondsPerRequest.ToString("0", CultureInfo.InvariantCulture))
                .Append(" |\n");
        }
        md.Append('\n');
        md.Append("Latency runs from the planned send time (open model; the actual send in the closed model) to the last byte ");
        md.Append("of the response, so waiting for a connection counts. Service time starts at the actual send; send lag is how ");
        md.Append("late the generator sent. Errors (no response) are counted apart and not in the latencies. CPU µs/request is the ");
        md.Append("CPU time the target's own process used during the measured run (user + system, /proc) per answered request: ");
        md.Append("unlike throughput and latency, it barely moves with other load on the machine.\n");
    }

    private static void AppendComparison(StringBuilder md, IReadOnlyList<ComparisonRow> rows)
    {
        md.Append("| target | throughput × baseline | added p50 ms | added p99 ms | p99 × baseline | process CPU per request × baseline |\n");
        md.Append("|---|--:|--:|--:|--:|--:|\n");
        foreach (var row in rows)
        {
            md.Append("| ").Append(row.Target)
                .Append(" | ").Append(Ratio(row.ThroughputRatio))
                .Append(" | ").Append(Signed(row.AddedP50))
                .Append(" | ").Append(Signed(row.AddedP99))
                .Append(" | ").Append(Ratio(row.P99Ratio))
                .Append(" | ").Append(Ratio(row.CpuRatio))
                .Append(" |\n");
        }
    }

    private static bool HasDecisionTimes(IReadOnlyList<RunSummary> targets)
    {
        foreach (var target in targets)
        {
            if (target.DecisionTime.Count > 0)
            {
                return true;
            }
        }
        return false;
    }

    private static void AppendDecisionTimes(StringBuilder md, IReadOnlyList<RunSummary> targets)
    {
        md.Append("| target | failed (no answer + 5xx) | decision p50 ms | decision p99 ms | decision max ms | passed: decision p99 ms | fail-open responses | by reason |\n");
        md.Append("|---|--:|--:|--:|--:|--:|--:|---|\n");
        foreach (var t in targets)
        {
            if (t.DecisionTime.Count == 0)
            {
                md.Append("| ").Append(t.Target).Append(" | ").Append(Failed(t)).Append(" | | | | | | |\n");
                continue;
            }
            md.Append("| ").Append(t.Target)
                .Append(" | ").Append(Failed(t))
                .Append(" | ").Append(Ms(t.DecisionTime.P50))
                .Append(" | ").Append(Ms(t.DecisionTime.P99))
                .Append(" | ").Append(Ms(t.DecisionTime.Max))
                .Append(" | ").Append(Ms(t.PassedDecisionTime.P99))
                .Append(" | ").Append(Share(t.FailOpenResponses, Math.Max(1, t.Completed)))
                .Append(" | ");
            for (var i = 0; i < t.FailOpen.Count; i++)
            {
                md.Append(i == 0 ? "" : ", ").Append('`').Append(t.FailOpen[i].Reason).Append("` ")
                    .Append(t.FailOpen[i].Count.ToString("N0", CultureInfo.InvariantCulture));
            }
            md.Append(" |\n");
        }
        md.Append('\n');
        md.Append("Decision time is the gateway's own, from its `Server-Timing: protection;dur=` header (sent with the decision ");
        md.Append("header): from the request entering the protection middleware to the decision, without the proxying or the ");
        md.Append("upstream. Fail-open responses are decisions made without a signal that was late, shed or down, by the ");
        md.Append("reasons in `X-Protection-Decision`. `timeline.csv` has both per second.\n");
    }

    private static string Failed(RunSummary t) =>
        t.Failed.ToString("N0", CultureInfo.InvariantCulture) + " (" + t.Errors.ToString("N0", CultureInfo.InvariantCulture)
        + " + " + t.ServerErrors.ToString("N0", CultureInfo.InvariantCulture) + ")";

    private static void AppendStatuses(StringBuilder md, IReadOnlyList<RunSummary> targets)
    {
        var codes = new SortedSet<int>();
        foreach (var target in targets)
        {
            foreach (var status in target.Statuses)
            {
                codes.Add(status.StatusCode);
            }
        }
        md.Append("| target |");
        foreach (var code in codes)
        {
            md.Append(' ').Append(CsvReportWriter.StatusName(code)).Append(" |");
        }
        md.Append("\n|---|");
        foreach (var _ in codes)
        {
            md.Append("--:|");
        }
        md.Append('\n');
        foreach (var target in targets)
        {
            md.Append("| ").Append(target.Target).Append(" |");
            foreach (var code in codes)
            {
                long count = 0;
                foreach (var status in target.Statuses)
                {
                    if (status.StatusCode == code)
                    {
                        count = status.Count;
                    }
                }
                md.Append(' ').Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append(" |");
            }
            md.Append('\n');
        }
    }

    private static void AppendDecisions(StringBuilder md, IReadOnlyList<RunSummary> targets)
    {
        md.Append("| target | traffic | requests | pass | challenge | block | none |\n");
        md.Append("|---|---|--:|--:|--:|--:|--:|\n");
        foreach (var target in targets)
        {
            foreach (var kind in Enum.GetValues<TrafficKind>())
            {
                long pass = 0, challenge = 0, block = 0, none = 0, total = 0;
                foreach (var d in target.Decisions)
                {
                    if (d.Kind != kind)
                    {
                        continue;
                    }
                    total += d.Count;
                    switch (d.Decision)
                    {
                        case DecisionOutcome.Pass: pass += d.Count; break;
                        case DecisionOutcome.Challenge: challenge += d.Count; break;
                        case DecisionOutcome.Block: block += d.Count; break;
                        default: none += d.Count; break;
                    }
                }
                if (total == 0)
                {
                    continue;
                }
                md.Append("| ").Append(target.Target).Append(" | ").Append(kind.ToString().ToLowerInvariant())
                    .Append(" | ").Append(total.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Share(pass, total)).Append(" | ").Append(Share(challenge, total))
                    .Append(" | ").Append(Share(block, total)).Append(" | ").Append(Share(none, total)).Append(" |\n");
            }
        }
    }

    private static string Share(long count, long total) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " (" + (100.0 * count / total).ToString("0.#", CultureInfo.InvariantCulture) + "%)";

    private static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
