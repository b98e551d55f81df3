namespace Gateway.LoadTests.Stats;

/// <summary>One second of the measured run, by planned send time. Latencies in milliseconds.</summary>
/// <param name="Requests">Requests sent in this second that got a response or an error.</param>
/// <param name="Unsent">Requests planned for this second but dropped by the generator (open model backlog full).</param>
/// <param name="DecisionP99">p99 of the gateway's decision time (Server-Timing) in this second; 0 when no response carried one.</param>
/// <param name="FailOpen">Responses whose decision named a fail-open reason, per cause (in <see cref="FailOpenCauses.All"/> order); empty means none.</param>
/// <param name="StoreState">The gateway's feature-store state from <c>/readyz</c> in this second (redis, fallback, in-process), when polled.</param>
internal sealed record TimelinePoint(
    int Second, long Requests, long Errors, long Unsent, double P50, double P90, double P99, double Max,
    double DecisionP99 = 0, IReadOnlyList<long>? FailOpen = null, string? StoreState = null)
{
    /// <summary>Responses with at least one fail-open reason (a response with two causes counts once).</summary>
    public long FailOpenResponses { get; init; }

    public long FailOpenCount(int causeIndex) => FailOpen is { } counts && causeIndex < counts.Count ? counts[causeIndex] : 0;
}
