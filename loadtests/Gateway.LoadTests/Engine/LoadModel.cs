namespace Gateway.LoadTests.Engine;

internal enum LoadModel
{
    /// <summary>N connections; each sends its next request when the previous one has answered.
    /// Measures capacity; a slow target slows the generator down, so it cannot show queueing.</summary>
    Closed,

    /// <summary>Requests at a constant rate whatever the target does, latency measured from the
    /// planned send time: queueing in the target (or for a connection) shows in full.</summary>
    Open,
}
