using Gateway.Scoring.Policy;

namespace Gateway.Scoring.Decision;

/// <summary>
/// Places the model's probability on the policy's risk scale. The probability at which content alone
/// should challenge (or block) is a business decision, priced per policy (a false positive on a login
/// form costs more than on a search page); the risk thresholds are shared with every other signal.
/// A monotone piecewise-linear map joins them: 0 → 0, ContentChallengeAt → ChallengeThreshold,
/// ContentBlockAt → BlockThreshold, 1 → 1. With the defaults (0.5 and 0.85 on both sides) it is the identity.
/// </summary>
internal static class ContentRisk
{
    /// <summary>Probabilities this close to 0 or 1 are held there, so their log-odds stay finite.</summary>
    private const double Saturation = 1e-12;

    /// <summary>The probability with <paramref name="logOdds"/> taken off its log-odds (a likelihood ratio of
    /// e^logOdds against an attack): σ(logit(p) − d). 0 leaves it as it is.</summary>
    public static double Discounted(double probability, double logOdds)
    {
        if (logOdds <= 0)
        {
            return probability;
        }
        var p = Math.Clamp(probability, Saturation, 1 - Saturation);
        var logit = Math.Log(p / (1 - p)) - logOdds;
        return 1 / (1 + Math.Exp(-logit));
    }

    public static double Contribution(double probability, PolicyOptions options)
    {
        var p = Math.Clamp(probability, 0, 1);
        double x0, x1, y0, y1;
        if (p < options.ContentChallengeAt)
        {
            (x0, x1, y0, y1) = (0, options.ContentChallengeAt, 0, options.ChallengeThreshold);
        }
        else if (p < options.ContentBlockAt)
        {
            (x0, x1, y0, y1) = (options.ContentChallengeAt, options.ContentBlockAt, options.ChallengeThreshold, options.BlockThreshold);
        }
        else
        {
            (x0, x1, y0, y1) = (options.ContentBlockAt, 1, options.BlockThreshold, 1);
        }
        return x1 > x0 ? y0 + (p - x0) * (y1 - y0) / (x1 - x0) : y1;
    }
}
