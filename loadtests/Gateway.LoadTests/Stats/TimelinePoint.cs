namespace Gateway.LoadTests.Stats;

/// <summary>One second of the measured run, by planned send time. Latencies in milliseconds.</summary>
/// <param name="Requests">Requests sent in this second that got a response or an error.</param>
/// <param name="Unsent">Requests planned for this second but dropped by the generator (open model backlog full).</param>
internal sealed record TimelinePoint(int Second, long Requests, long Errors, long Unsent, double P50, double P90, double P99, double Max);
