using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Stats;

public sealed class RunRecorderTests
{
    private const long Frequency = 1_000_000; // one tick per microsecond keeps the arithmetic readable
    private const long Start = 5_000_000;

    [Fact]
    public void Summarize_TransportErrors_AreCountedButNotInLatencies()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(2));

        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1000), new ResponseOutcome(200, DecisionOutcome.Pass));
        recorder.Record(TrafficKind.Benign, Timing(10, 10, 11), ResponseOutcome.TransportError);
        var summary = recorder.Summarize("t");

        Assert.Equal(1, summary.Completed);
        Assert.Equal(1, summary.Errors);
        Assert.Equal(1, summary.Latency.Count);
        Assert.Equal(1.0, summary.Latency.Max);
        Assert.Contains(new StatusCount(0, 1), summary.Statuses);
        Assert.Contains(new StatusCount(200, 1), summary.Statuses);
    }

    [Fact]
    public void Summarize_OpenModelTiming_SeparatesLatencyServiceTimeAndSendLag()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(1));

        // Planned at 0, sent 3 ms late, answered 2 ms after sending.
        recorder.Record(TrafficKind.Attack, Timing(0, 3000, 5000), new ResponseOutcome(403, DecisionOutcome.Block));
        var summary = recorder.Summarize("t");

        Assert.Equal(5.0, summary.Latency.P50);
        Assert.Equal(2.0, summary.ServiceTime.P50);
        Assert.Equal(3.0, summary.DispatchLag.P50);
    }

    [Fact]
    public void Summarize_DecisionsAreKeptPerTrafficKind()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(1));

        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1), new ResponseOutcome(200, DecisionOutcome.Pass));
        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1), new ResponseOutcome(200, DecisionOutcome.Pass));
        recorder.Record(TrafficKind.Stuffing, Timing(0, 0, 1), new ResponseOutcome(429, DecisionOutcome.Challenge));
        var decisions = recorder.Summarize("t").Decisions;

        Assert.Equal(2, decisions.Count);
        Assert.Contains(new DecisionCount(TrafficKind.Benign, DecisionOutcome.Pass, 2), decisions);
        Assert.Contains(new DecisionCount(TrafficKind.Stuffing, DecisionOutcome.Challenge, 1), decisions);
    }

    [Fact]
    public void Summarize_TimelineGroupsByPlannedSecond_AndThroughputUsesTheLastResponse()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(3));

        recorder.Record(TrafficKind.Benign, Timing(100, 100, 600), new ResponseOutcome(200, DecisionOutcome.None));
        recorder.Record(TrafficKind.Benign, Timing(999_999, 999_999, 1_100_000), new ResponseOutcome(200, DecisionOutcome.None));
        recorder.Record(TrafficKind.Benign, Timing(2_000_000, 2_000_000, 2_500_000), new ResponseOutcome(200, DecisionOutcome.None));
        recorder.RecordUnsent(Start + 2_100_000);
        var summary = recorder.Summarize("t");

        Assert.Equal([0, 2], summary.Timeline.Select(p => p.Second));
        Assert.Equal(2, summary.Timeline[0].Requests);
        Assert.Equal(1, summary.Timeline[1].Unsent);
        Assert.Equal(1, summary.Unsent);
        Assert.Equal(2.5, summary.MeasuredSeconds, precision: 9);
        Assert.Equal(3 / 2.5, summary.RequestsPerSecond, precision: 9);
    }

    [Fact]
    public void Summarize_DecisionTimesAndFailOpenReasons_AreKeptOverallForPassedRequestsAndPerSecond()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(2));

        recorder.Record(TrafficKind.Benign, Timing(0, 0, 900), new ResponseOutcome(200, DecisionOutcome.Pass, 40));
        recorder.Record(TrafficKind.Benign, Timing(10, 10, 30_000), new ResponseOutcome(200, DecisionOutcome.Pass, 21_000, FailOpenCause.ContentLate));
        recorder.Record(TrafficKind.Attack, Timing(20, 20, 900), new ResponseOutcome(403, DecisionOutcome.Block, 900));
        recorder.Record(TrafficKind.Benign, Timing(1_000_000, 1_000_000, 1_000_500),
            new ResponseOutcome(200, DecisionOutcome.Pass, 50, FailOpenCause.ContentShed | FailOpenCause.FeaturesLate));
        recorder.Record(TrafficKind.Benign, Timing(1_000_100, 1_000_100, 1_000_500), new ResponseOutcome(200, DecisionOutcome.None));
        var summary = recorder.Summarize("t");

        Assert.Equal(4, summary.DecisionTime.Count);
        Assert.Equal(3, summary.PassedDecisionTime.Count);
        Assert.Equal(21.0, summary.PassedDecisionTime.Max);
        Assert.Equal(2, summary.FailOpenResponses);
        Assert.Equal(
            [new FailOpenCount("late:features", 1), new FailOpenCount("late:content", 1), new FailOpenCount("shed:content", 1)],
            summary.FailOpen);
        Assert.Equal(1, summary.Timeline[0].FailOpenResponses);
        Assert.Equal(1, summary.Timeline[0].FailOpenCount(FailOpenCauses.IndexOf(FailOpenCause.ContentLate)));
        Assert.Equal(1, summary.Timeline[1].FailOpenCount(FailOpenCauses.IndexOf(FailOpenCause.ContentShed)));
        Assert.Equal(0.05, summary.Timeline[1].DecisionP99);
    }

    [Fact]
    public void Failed_CountsMissingAnswersAndServerErrorsButNotBlocks()
    {
        var recorder = new RunRecorder(Start, Frequency, TimeSpan.FromSeconds(1));

        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1), ResponseOutcome.TransportError);
        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1), new ResponseOutcome(502, DecisionOutcome.None));
        recorder.Record(TrafficKind.Attack, Timing(0, 0, 1), new ResponseOutcome(403, DecisionOutcome.Block));
        recorder.Record(TrafficKind.Benign, Timing(0, 0, 1), new ResponseOutcome(429, DecisionOutcome.Challenge));
        var summary = recorder.Summarize("t");

        Assert.Equal(1, summary.ServerErrors);
        Assert.Equal(2, summary.Failed);
    }

    private static RequestTiming Timing(long intended, long sent, long completed) =>
        new(Start + intended, Start + sent, Start + completed);
}
