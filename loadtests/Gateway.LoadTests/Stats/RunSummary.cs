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
}
