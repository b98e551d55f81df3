namespace Gateway.Scoring.Pipeline;

/// <summary>What <c>/readyz</c> says: each signal's state, and whether the gateway should get traffic.</summary>
/// <param name="Ready">False only when the gateway cannot serve (never for a degraded optional signal or a Redis outage: it fails open).</param>
/// <param name="Status"><c>ready</c>, <c>degraded</c> (serving without a signal, e.g. Redis down) or <c>disabled</c> (bare proxy).</param>
public sealed record ReadinessReport(bool Ready, string Status, IReadOnlyDictionary<string, ComponentStatus> Components);

/// <param name="State">e.g. <c>loaded</c>, <c>off</c>, <c>connected</c>, <c>fallback</c>.</param>
/// <param name="Detail">Counts, file names, circuit state — never secrets.</param>
public sealed record ComponentStatus(string State, string? Detail = null);
