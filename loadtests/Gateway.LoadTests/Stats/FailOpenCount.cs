namespace Gateway.LoadTests.Stats;

/// <param name="Reason">The decision header's reason, e.g. <c>shed:content</c>.</param>
internal sealed record FailOpenCount(string Reason, long Count);
