using Gateway.LoadTests.Degradation;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Tests.Reports;

namespace Gateway.LoadTests.Tests.Degradation;

public sealed class VerdictsTests
{
    [Fact]
    public void StoreWindow_NamesTheDegradedSecondsAsRanges()
    {
        string?[] states = ["redis", "redis", "fallback", "fallback", "fallback", "redis", "no-answer", "redis"];
        var summary = ReportSamples.Summary("gateway-redis", 100, 8, 1, 2) with
        {
            Timeline = [.. states.Select((state, second) => new TimelinePoint(second, 10, 0, 0, 1, 1, 2, 3, StoreState: state))],
        };

        Assert.Equal("gateway-redis: /readyz reported the store degraded in measured seconds 2–4 (fallback); 6 (no-answer)",
            Verdicts.StoreWindow(summary));
    }

    [Fact]
    public void Failures_CountsMissingAnswersAndServerErrors()
    {
        var summary = ReportSamples.Summary("gateway-inprocess", 100, 10, 1, 2) with
        {
            Statuses = [new StatusCount(0, 2), new StatusCount(200, 95), new StatusCount(503, 3)],
        };

        Assert.Equal("gateway-inprocess: failed requests 5 (2 without an answer, 3 5xx) of 102: **FAILURES**", Verdicts.Failures(summary));
    }

    [Fact]
    public void DecisionTime_IsJudgedAgainstTheBudgetPlusOneMillisecond()
    {
        var within = ReportSamples.Summary("g", 100, 10, 1, 2) with { PassedDecisionTime = new LatencySummary(100, 0.05, 0.1, 20.9, 21, 25, 0.1) };
        var over = within with { PassedDecisionTime = new LatencySummary(100, 0.05, 0.1, 21.2, 22, 25, 0.1) };

        Assert.EndsWith("**within**", Verdicts.DecisionTime(within, 20));
        Assert.EndsWith("**OVER**", Verdicts.DecisionTime(over, 20));
    }
}
