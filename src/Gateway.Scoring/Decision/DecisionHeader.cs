using System.Globalization;
using System.Runtime.CompilerServices;

namespace Gateway.Scoring.Decision;

/// <summary><c>X-Protection-Decision: &lt;pass|challenge|block&gt;; score=&lt;0..1&gt;; reasons=&lt;a,b&gt;</c>, plus
/// <c>; mode=monitor</c> when the action was not enforced.</summary>
internal static class DecisionHeader
{
    public const string Name = "X-Protection-Decision";

    /// <summary>Written into a stack buffer: the header value is the only string made (it is sent on
    /// every request while the header is on, so no score or reason-list strings on the way).</summary>
    public static string Format(in ProtectionDecision decision)
    {
        var value = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        value.AppendLiteral(ProtectionDecision.ActionName(decision.Action));
        value.AppendLiteral("; score=");
        value.AppendFormatted(decision.Score, "0.###");
        value.AppendLiteral("; reasons=");
        var reasons = decision.Reasons;
        for (var i = 0; i < reasons.Count; i++)
        {
            if (i > 0)
            {
                value.AppendLiteral(",");
            }
            value.AppendLiteral(reasons[i]);
        }
        if (!decision.Enforced)
        {
            value.AppendLiteral("; mode=monitor");
        }
        return value.ToStringAndClear();
    }
}
