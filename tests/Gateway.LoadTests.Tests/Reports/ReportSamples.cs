using Gateway.LoadTests.Reports;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Reports;

internal static class ReportSamples
{
    public static RunSummary Summary(string target, long completed, double seconds, double p50, double p99) => new(
        target, seconds, completed, Errors: 2, Unsent: 0,
        new LatencySummary(completed, p50, p50 * 1.5, p99, p99 * 2, p99 * 3, p50 * 1.1),
        new LatencySummary(completed, p50 * 0.9, p50, p99 * 0.9, p99, p99 * 2, p50),
        new LatencySummary(completed, 0.01, 0.02, 0.05, 0.1, 0.2, 0.01),
        [new StatusCount(0, 2), new StatusCount(200, completed - 10), new StatusCount(403, 10)],
        [new DecisionCount(TrafficKind.Benign, DecisionOutcome.Pass, completed - 10), new DecisionCount(TrafficKind.Attack, DecisionOutcome.Block, 10)],
        [new TimelinePoint(0, completed / 2, 1, 0, p50, p50 * 1.5, p99, p99 * 3), new TimelinePoint(1, completed / 2, 1, 0, p50, p50 * 1.5, p99, p99 * 3)]);

    public static RunReport Report(IReadOnlyList<RunSummary> targets, string? baseline, string build = "Release") => new(
        "Side by side: mixed",
        "mixed",
        "90% benign, 10% attacks",
        "0–100% steady: Benign 90%, Attack 10%",
        "open model, 500 req/s planned, at most 256 in flight",
        3,
        10,
        0,
        10_000,
        1,
        new RunEnvironment("2025-01-01 00:00:00Z", 2, ".NET 10", "Linux", build),
        targets,
        baseline,
        ["gateway-redis: /readyz after the run: status ready; store redis"]);
}
