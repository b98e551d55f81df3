namespace Gateway.LoadTests.Stats;

/// <summary>Everything measured against one target, ready for the report writers.</summary>
/// <param name="MeasuredSeconds">From the start of measurement to the last measured response.</param>
/// <param name="Completed">Responses received (any status); transport errors are counted apart.</param>
/// <param name="Unsent">Open model: planned requests dropped because too many were already waiting for a connection.</param>
/// <param name="Latency">From the planned send time (open model) or the send (closed model) to the full response.</param>
internal sealed record RunSummary(
    string Target,
    double MeasuredSeconds,
    long Completed,
    long Errors,
    long Unsent,
    LatencySummary Latency,
    LatencySummary ServiceTime,
    LatencySummary DispatchLag,
    IReadOnlyList<StatusCount> Statuses,
    IReadOnlyList<DecisionCount> Decisions,
    IReadOnlyList<TimelinePoint> Timeline)
{
    public double RequestsPerSecond => MeasuredSeconds <= 0 ? 0 : Completed / MeasuredSeconds;

    /// <summary>The gateway's own decision time (<c>Server-Timing: protection</c>), every response that had one.</summary>
    public LatencySummary DecisionTime { get; init; } = LatencySummary.Empty;

    /// <summary>The same for passed (forwarded) requests only.</summary>
    public LatencySummary PassedDecisionTime { get; init; } = LatencySummary.Empty;

    /// <summary>Responses whose decision named each fail-open reason (only reasons seen).</summary>
    public IReadOnlyList<FailOpenCount> FailOpen { get; init; } = [];

    /// <summary>CPU time the target process used per answered request during the measured run, in µs; NaN when not measured.</summary>
    public double CpuMicrosecondsPerRequest { get; init; } = double.NaN;

    /// <summary>Responses with at least one fail-open reason.</summary>
    public long FailOpenResponses { get; init; }

    /// <summary>5xx answers: a gateway must never answer one for its own faults.</summary>
    public long ServerErrors
    {
        get
        {
            long count = 0;
            foreach (var status in Statuses)
            {
                if (status.StatusCode is >= 500 and <= 599)
                {
                    count += status.Count;
                }
            }
            return count;
        }
    }

    /// <summary>Requests that failed: no response at all, or a 5xx.</summary>
    public long Failed => Errors + ServerErrors;
}
