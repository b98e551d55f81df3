using Gateway.Scoring.Challenge;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class ChallengeDifficultyTests
{
    [Theory]
    [InlineData(0.50, 14)]  // at the challenge threshold: the base
    [InlineData(0.40, 14)]  // below it (cannot happen, but clamps)
    [InlineData(0.60, 15)]
    [InlineData(0.675, 16)] // halfway
    [InlineData(0.80, 17)]
    [InlineData(0.849, 18)]
    [InlineData(0.85, 18)]  // at the block threshold: the maximum
    [InlineData(1.00, 18)]
    public void Difficulty_RisesWithRisk_FromBaseAtTheChallengeThreshold_ToMaxAtTheBlockThreshold(double risk, int expectedBits)
    {
        Assert.Equal(expectedBits, ChallengeDifficulty.FromRisk(risk, 0.5, 0.85, 14, 18));
    }

    [Fact]
    public void Difficulty_NeverFallsAsRiskRises()
    {
        var previous = 0;
        for (var risk = 0.0; risk <= 1.0; risk += 0.01)
        {
            var bits = ChallengeDifficulty.FromRisk(risk, 0.4, 0.8, 10, 20);
            Assert.True(bits >= previous);
            previous = bits;
        }
        Assert.Equal(20, previous);
    }

    [Fact]
    public void EqualBaseAndMax_AskTheSameWorkAtAnyRisk()
    {
        Assert.Equal(12, ChallengeDifficulty.FromRisk(0.5, 0.5, 0.85, 12, 12));
        Assert.Equal(12, ChallengeDifficulty.FromRisk(0.84, 0.5, 0.85, 12, 12));
    }

    [Fact]
    public void PolicyThatChallengesEverything_StartsAtTheBase()
    {
        Assert.Equal(14, ChallengeDifficulty.FromRisk(0.0, 0.0, 0.85, 14, 18));
    }
}
