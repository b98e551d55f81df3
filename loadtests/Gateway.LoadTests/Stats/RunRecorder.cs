using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Stats;

/// <summary>
/// Collects the measured requests of one run: latency histograms, status codes, decisions by
/// traffic kind and a per-second timeline. Fixed memory per run (the timeline has one slot per
/// measured second), lock-free, safe from any number of threads.
/// </summary>
internal sealed class RunRecorder
{
    /// <summary>One hour in microseconds: anything slower is clamped into the top bucket (the maximum stays exact).</summary>
    public const long HighestTrackableMicroseconds = 3_600_000_000L;

    /// <summary>≤ 1/1024 relative error above 2.048 ms, exact to the microsecond below.</summary>
    private const int SummaryPrecisionBits = 11;

    /// <summary>≤ 1/128 relative error: plenty for a per-second plot, 26 KiB per histogram and second.</summary>
    private const int TimelinePrecisionBits = 8;

    private const int MaxStatusCode = 999;

    private static readonly int KindCount = Enum.GetValues<TrafficKind>().Length;
    private static readonly int DecisionCount = Enum.GetValues<DecisionOutcome>().Length;

    private readonly long _measureStart;
    private readonly double _microsecondsPerTick;
    private readonly long _ticksPerSecond;
    private readonly LatencyHistogram _latency = new(HighestTrackableMicroseconds, SummaryPrecisionBits);
    private readonly LatencyHistogram _serviceTime = new(HighestTrackableMicroseconds, SummaryPrecisionBits);
    private readonly LatencyHistogram _dispatchLag = new(HighestTrackableMicroseconds, SummaryPrecisionBits);
    private readonly LatencyHistogram _decisionTime = new(HighestTrackableMicroseconds, SummaryPrecisionBits);
    private readonly LatencyHistogram _passedDecisionTime = new(HighestTrackableMicroseconds, SummaryPrecisionBits);
    private readonly long[] _failOpen = new long[FailOpenCauses.Count];
    private long _failOpenResponses;
    private readonly long[] _statuses = new long[MaxStatusCode + 1];
    private readonly long[] _decisions = new long[KindCount * DecisionCount];
    private readonly TimelineSlot?[] _timeline;
    private long _completed;
    private long _errors;
    private long _unsent;
    private long _lastCompletion;

    /// <param name="measureStart">Timestamp at which measurement (after warm-up) begins.</param>
    /// <param name="ticksPerSecond">Frequency of the timestamps (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public RunRecorder(long measureStart, long ticksPerSecond, TimeSpan duration)
    {
        _measureStart = measureStart;
        _lastCompletion = measureStart;
        _ticksPerSecond = ticksPerSecond;
        _microsecondsPerTick = 1_000_000.0 / ticksPerSecond;
        _timeline = new TimelineSlot?[(int)Math.Ceiling(duration.TotalSeconds) + 1];
    }

    public long Completed => Volatile.Read(ref _completed);

    public void Record(TrafficKind kind, in RequestTiming timing, in ResponseOutcome response)
    {
        UpdateLastCompletion(timing.Completed);
        var slot = SlotFor(timing.Intended);
        Interlocked.Increment(ref _decisions[(int)kind * DecisionCount + (int)response.Decision]);
        Interlocked.Increment(ref _statuses[Math.Clamp(response.StatusCode, 0, MaxStatusCode)]);
        if (response.IsError)
        {
            // No response, no latency: a refused connection would otherwise look fast.
            Interlocked.Increment(ref _errors);
            Interlocked.Increment(ref slot.Errors);
            return;
        }
        Interlocked.Increment(ref _completed);
        var latency = ToMicroseconds(timing.Latency);
        _latency.Record(latency);
        _serviceTime.Record(ToMicroseconds(timing.ServiceTime));
        _dispatchLag.Record(ToMicroseconds(timing.DispatchLag));
        slot.Histogram.Record(latency);
        if (response.DecisionMicroseconds >= 0)
        {
            _decisionTime.Record(response.DecisionMicroseconds);
            slot.DecisionTime.Record(response.DecisionMicroseconds);
            if (response.Decision == DecisionOutcome.Pass)
            {
                _passedDecisionTime.Record(response.DecisionMicroseconds);
            }
        }
        if (response.FailOpen != FailOpenCause.None)
        {
            Interlocked.Increment(ref _failOpenResponses);
            Interlocked.Increment(ref slot.FailOpenResponses);
            for (var i = 0; i < FailOpenCauses.Count; i++)
            {
                if ((response.FailOpen & FailOpenCauses.All[i].Cause) != 0)
                {
                    Interlocked.Increment(ref _failOpen[i]);
                    Interlocked.Increment(ref slot.FailOpen[i]);
                }
            }
        }
    }

    /// <summary>A planned request the generator dropped because the backlog was full (open model).</summary>
    public void RecordUnsent(long intended)
    {
        Interlocked.Increment(ref _unsent);
        Interlocked.Increment(ref SlotFor(intended).Unsent);
    }

    public RunSummary Summarize(string target)
    {
        var statuses = new List<StatusCount>();
        for (var code = 0; code < _statuses.Length; code++)
        {
            var count = Volatile.Read(ref _statuses[code]);
            if (count > 0)
            {
                statuses.Add(new StatusCount(code, count));
            }
        }
        var decisions = new List<DecisionCount>();
        for (var kind = 0; kind < KindCount; kind++)
        {
            for (var decision = 0; decision < DecisionCount; decision++)
            {
                var count = Volatile.Read(ref _decisions[kind * DecisionCount + decision]);
                if (count > 0)
                {
                    decisions.Add(new DecisionCount((TrafficKind)kind, (DecisionOutcome)decision, count));
                }
            }
        }
        var timeline = new List<TimelinePoint>(_timeline.Length);
        for (var second = 0; second < _timeline.Length; second++)
        {
            if (Volatile.Read(ref _timeline[second]) is not { } slot)
            {
                continue;
            }
            var histogram = slot.Histogram;
            var failOpen = new long[FailOpenCauses.Count];
            for (var i = 0; i < failOpen.Length; i++)
            {
                failOpen[i] = Volatile.Read(ref slot.FailOpen[i]);
            }
            timeline.Add(new TimelinePoint(second, histogram.TotalCount + slot.Errors, slot.Errors, Volatile.Read(ref slot.Unsent),
                histogram.ValueAtPercentile(50) / 1000.0, histogram.ValueAtPercentile(90) / 1000.0,
                histogram.ValueAtPercentile(99) / 1000.0, histogram.Max / 1000.0,
                slot.DecisionTime.TotalCount == 0 ? 0 : slot.DecisionTime.ValueAtPercentile(99) / 1000.0, failOpen)
            {
                FailOpenResponses = Volatile.Read(ref slot.FailOpenResponses),
            });
        }
        var failOpenCounts = new List<FailOpenCount>();
        for (var i = 0; i < FailOpenCauses.Count; i++)
        {
            var count = Volatile.Read(ref _failOpen[i]);
            if (count > 0)
            {
                failOpenCounts.Add(new FailOpenCount(FailOpenCauses.All[i].Reason, count));
            }
        }
        var measured = (Volatile.Read(ref _lastCompletion) - _measureStart) / (double)_ticksPerSecond;
        return new RunSummary(target, measured, Completed, Volatile.Read(ref _errors), Volatile.Read(ref _unsent),
            LatencySummary.From(_latency), LatencySummary.From(_serviceTime), LatencySummary.From(_dispatchLag),
            statuses, decisions, timeline)
        {
            DecisionTime = LatencySummary.From(_decisionTime),
            PassedDecisionTime = LatencySummary.From(_passedDecisionTime),
            FailOpen = failOpenCounts,
            FailOpenResponses = Volatile.Read(ref _failOpenResponses),
        };
    }

    private long ToMicroseconds(long ticks) => (long)(ticks * _microsecondsPerTick);

    private TimelineSlot SlotFor(long intended)
    {
        var second = (int)Math.Clamp((intended - _measureStart) / _ticksPerSecond, 0, _timeline.Length - 1);
        var slot = Volatile.Read(ref _timeline[second]);
        if (slot is not null)
        {
            return slot;
        }
        var created = new TimelineSlot(
            new LatencyHistogram(HighestTrackableMicroseconds, TimelinePrecisionBits),
            new LatencyHistogram(HighestTrackableMicroseconds, TimelinePrecisionBits));
        return Interlocked.CompareExchange(ref _timeline[second], created, null) ?? created;
    }

    private void UpdateLastCompletion(long completed)
    {
        var current = Volatile.Read(ref _lastCompletion);
        while (completed > current)
        {
            var seen = Interlocked.CompareExchange(ref _lastCompletion, completed, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private sealed class TimelineSlot(LatencyHistogram histogram, LatencyHistogram decisionTime)
    {
        public readonly LatencyHistogram Histogram = histogram;
        public readonly LatencyHistogram DecisionTime = decisionTime;
        public readonly long[] FailOpen = new long[FailOpenCauses.Count];
        public long Errors;
        public long Unsent;
        public long FailOpenResponses;
    }
}
