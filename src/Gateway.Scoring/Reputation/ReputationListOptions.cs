namespace Gateway.Scoring.Reputation;

/// <summary>One blocklist file (<c>Protection:Reputation:Lists:N</c>).</summary>
public sealed class ReputationListOptions
{
    /// <summary>Required, unique (ignoring case); letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most 64 characters. Used in reasons as <c>reputation:NAME</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Required. Relative paths resolve against the content root, then the binary's folder.</summary>
    public string Path { get; set; } = "";

    /// <summary>Kind of listing (attacks, reputation, anonymizers, ...), same character rules as Name. Default <c>reputation</c>.</summary>
    public string Category { get; set; } = "reputation";

    /// <summary>Contribution in [0,1] to the risk score when an address is listed. Default 0.5.</summary>
    public double Weight { get; set; } = 0.5;

    /// <summary>Default <see cref="ReputationListFormat.Auto"/>.</summary>
    public ReputationListFormat Format { get; set; } = ReputationListFormat.Auto;

    /// <summary>For lines with a count (IPsum): the smallest count that lists an address, at least 1. Default 3.</summary>
    public int MinCount { get; set; } = 3;
}
