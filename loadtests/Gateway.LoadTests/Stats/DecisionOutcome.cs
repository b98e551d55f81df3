namespace Gateway.LoadTests.Stats;

/// <summary>The gateway's decision as its <c>X-Protection-Decision</c> header reported it.</summary>
internal enum DecisionOutcome
{
    /// <summary>No header: a bare proxy, the upstream itself, or the header switched off.</summary>
    None,
    Pass,
    Challenge,
    Block,
    /// <summary>A header this tool does not understand.</summary>
    Unrecognised,
}
