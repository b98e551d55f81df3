namespace Gateway.Scoring.Reputation;

internal enum ListLineKind
{
    /// <summary>Empty or a comment.</summary>
    Blank,
    Entry,
    Malformed,
}
