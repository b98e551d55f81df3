namespace Gateway.LoadTests.Stats;

/// <param name="StatusCode">HTTP status; 0 when no response arrived (connection error or timeout).</param>
internal readonly record struct ResponseOutcome(int StatusCode, DecisionOutcome Decision)
{
    public static ResponseOutcome TransportError => new(0, DecisionOutcome.None);

    public bool IsError => StatusCode == 0;
}
