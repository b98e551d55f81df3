namespace Gateway.LoadTests.Stats;

/// <summary>When one request was meant to go, went and came back, as timestamps of one clock.</summary>
/// <param name="Intended">Planned send time (open model); the actual send time in the closed model.</param>
internal readonly record struct RequestTiming(long Intended, long Sent, long Completed)
{
    /// <summary>What a user would see: includes any wait for a connection or for the generator.</summary>
    public long Latency => Completed - Intended;

    /// <summary>From the actual send to the complete response.</summary>
    public long ServiceTime => Completed - Sent;

    /// <summary>How late the request went out relative to its plan.</summary>
    public long DispatchLag => Sent - Intended;
}
