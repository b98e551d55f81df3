using System.Globalization;

namespace Gateway.Scoring.Decision;

/// <summary><c>X-Protection-Decision: &lt;pass|challenge|block&gt;; score=&lt;0..1&gt;; reasons=&lt;a,b&gt;</c>, plus
/// <c>; mode=monitor</c> when the action was not enforced.</summary>
internal static class DecisionHeader
{
    public const string Name = "X-Protection-Decision";

    public static string Format(in ProtectionDecision decision)
    {
        var action = ProtectionDecision.ActionName(decision.Action);
        var score = decision.Score.ToString("0.###", CultureInfo.InvariantCulture);
        var reasons = decision.Reasons.ToString();
        return decision.Enforced
            ? $"{action}; score={score}; reasons={reasons}"
            : $"{action}; score={score}; reasons={reasons}; mode=monitor";
    }
}
