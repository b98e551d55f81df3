namespace Gateway.Scoring.Signals;

public enum SignalState : byte
{
    /// <summary>Not asked for (policy or request does not need it).</summary>
    Skipped,
    Ready,
    /// <summary>Missed the latency budget; left out of the decision.</summary>
    Late,
    /// <summary>Scorer saturated; scoring skipped on purpose (fail-open).</summary>
    Shed,
    /// <summary>Backend down or failed.</summary>
    Unavailable,
}
