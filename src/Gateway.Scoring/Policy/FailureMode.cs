namespace Gateway.Scoring.Policy;

/// <summary>What a route does when a signal is late, shed or down.</summary>
public enum FailureMode
{
    /// <summary>Decide with the signals that arrived (a missing signal adds no risk). The default.</summary>
    Open,
    /// <summary>A decision that misses any signal blocks. For routes where an unscored request is worse than a refused one.</summary>
    Closed,
}
