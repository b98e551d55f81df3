namespace Gateway.Scoring.Decision;

/// <summary>
/// The outcome of scoring one request: the only value the HTTP mapping reads
/// (<see cref="DecisionResponder"/>).
/// </summary>
/// <param name="Action">What the policy decided.</param>
/// <param name="Enforced">False under a Monitor policy: the decision is logged and counted, the request forwarded.</param>
/// <param name="Score">Combined risk in [0,1].</param>
/// <param name="Reasons">Contributing signals, strongest first, then degradations (late or missing signals).</param>
/// <param name="PrimaryReason">The strongest reason, or <c>none</c>; used as a low-cardinality metric tag.</param>
public readonly record struct ProtectionDecision(
    DecisionAction Action, bool Enforced, double Score, ReasonList Reasons, string PrimaryReason)
{
    /// <summary>What actually happens to the request.</summary>
    public DecisionAction EffectiveAction => Enforced ? Action : DecisionAction.Pass;

    public static string ActionName(DecisionAction action) => action switch
    {
        DecisionAction.Block => "block",
        DecisionAction.Challenge => "challenge",
        _ => "pass",
    };
}
