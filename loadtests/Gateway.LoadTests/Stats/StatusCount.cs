namespace Gateway.LoadTests.Stats;

/// <param name="StatusCode">0 stands for transport errors (no response).</param>
internal sealed record StatusCount(int StatusCode, long Count);
