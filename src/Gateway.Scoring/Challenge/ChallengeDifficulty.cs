namespace Gateway.Scoring.Challenge;

/// <summary>
/// The work asked rises with the risk: <c>BaseDifficultyBits</c> at the policy's challenge
/// threshold, rising linearly to <c>MaxDifficultyBits</c> at its block threshold. Each extra bit
/// doubles the expected number of hashes.
/// </summary>
internal static class ChallengeDifficulty
{
    public static int FromRisk(double risk, double challengeThreshold, double blockThreshold, int baseBits, int maxBits)
    {
        var span = blockThreshold - challengeThreshold;
        var position = span <= 0 ? 1.0 : (risk - challengeThreshold) / span;
        if (double.IsNaN(position))
        {
            position = 1.0;
        }
        position = Math.Clamp(position, 0.0, 1.0);
        return baseBits + (int)Math.Round((maxBits - baseBits) * position, MidpointRounding.AwayFromZero);
    }
}
