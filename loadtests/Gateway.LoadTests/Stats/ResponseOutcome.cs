namespace Gateway.LoadTests.Stats;

/// <param name="StatusCode">HTTP status; 0 when no response arrived (connection error or timeout).</param>
/// <param name="DecisionMicroseconds">The gateway's decision time from <c>Server-Timing</c>; -1 when the response had none.</param>
/// <param name="FailOpen">Fail-open reasons the decision header named.</param>
internal readonly record struct ResponseOutcome(
    int StatusCode, DecisionOutcome Decision, long DecisionMicroseconds = -1, FailOpenCause FailOpen = FailOpenCause.None)
{
    public static ResponseOutcome TransportError => new(0, DecisionOutcome.None);

    public bool IsError => StatusCode == 0;
}
