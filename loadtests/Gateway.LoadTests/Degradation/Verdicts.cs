using System.Globalization;
using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Degradation;

/// <summary>The one-line judgements an overload or outage report opens with.</summary>
internal static class Verdicts
{
    /// <summary>No request may fail because of the gateway: every planned request answered, none with a 5xx.</summary>
    public static string Failures(RunSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"{summary.Target}: failed requests {summary.Failed:N0} ({summary.Errors:N0} without an answer, {summary.ServerErrors:N0} 5xx) of {summary.Completed + summary.Errors:N0}: **{(summary.Failed == 0 ? "none failed" : "FAILURES")}**");

    /// <summary>Passed requests must be decided within the budget plus 1 ms, however loaded the gateway is.</summary>
    public static string DecisionTime(RunSummary summary, double budgetMilliseconds)
    {
        if (summary.PassedDecisionTime.Count == 0)
        {
            return $"{summary.Target}: no decision times (no Server-Timing header: not a gateway, or the decision header is off)";
        }
        var limit = budgetMilliseconds + 1;
        var p99 = summary.PassedDecisionTime.P99;
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Target}: passed requests' decision time p99 {p99:0.000} ms (max {summary.PassedDecisionTime.Max:0.000} ms) against budget {budgetMilliseconds:0.#} ms + 1 ms: **{(p99 <= limit ? "within" : "OVER")}**");
    }

    public static string FailOpen(RunSummary summary)
    {
        if (summary.FailOpenResponses == 0)
        {
            return $"{summary.Target}: no decision failed open";
        }
        var parts = new List<string>();
        foreach (var count in summary.FailOpen)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count.Reason} {count.Count:N0}"));
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Target}: {summary.FailOpenResponses:N0} decisions ({100.0 * summary.FailOpenResponses / Math.Max(1, summary.Completed):0.##}%) failed open: {string.Join(", ", parts)}");
    }

    /// <summary>The measured seconds in which the store was not in its normal state, as ranges ("12–18").</summary>
    public static string StoreWindow(RunSummary summary)
    {
        var ranges = new List<string>();
        int? start = null;
        var previous = -1;
        string? state = null;
        foreach (var point in summary.Timeline)
        {
            var degraded = point.StoreState is { } s && !SideBySide.StoreStatePoller.IsNormal(s);
            if (degraded && start is null)
            {
                start = point.Second;
                state = point.StoreState;
            }
            else if (!degraded && start is not null)
            {
                ranges.Add(Range(start.Value, previous, state));
                start = null;
            }
            previous = point.Second;
        }
        if (start is not null)
        {
            ranges.Add(Range(start.Value, previous, state));
        }
        return ranges.Count == 0
            ? $"{summary.Target}: /readyz reported the store in its normal state throughout"
            : $"{summary.Target}: /readyz reported the store degraded in measured seconds {string.Join("; ", ranges)}";
    }

    private static string Range(int first, int last, string? state) =>
        (first == last ? first.ToString(CultureInfo.InvariantCulture) : $"{first}–{last}") + $" ({state})";
}
