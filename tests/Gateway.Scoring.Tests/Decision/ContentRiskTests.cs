using Gateway.Scoring.Decision;
using Gateway.Scoring.Policy;

namespace Gateway.Scoring.Tests.Decision;

public sealed class ContentRiskTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void Contribution_WithDefaults_IsTheProbability(double p) =>
        Assert.Equal(p, ContentRisk.Contribution(p, new PolicyOptions()), precision: 9);

    [Fact]
    public void Contribution_AtTheCostChosenPoints_ReachesThePolicyThresholds()
    {
        var options = new PolicyOptions { ContentChallengeAt = 0.77, ContentBlockAt = 0.92, ChallengeThreshold = 0.5, BlockThreshold = 0.85 };
        Assert.Equal(0.5, ContentRisk.Contribution(0.77, options), precision: 9);
        Assert.Equal(0.85, ContentRisk.Contribution(0.92, options), precision: 9);
        Assert.True(ContentRisk.Contribution(0.76, options) < 0.5);
        Assert.True(ContentRisk.Contribution(0.91, options) < 0.85);
        Assert.Equal(1.0, ContentRisk.Contribution(1.0, options), precision: 9);
    }

    [Fact]
    public void Contribution_IsMonotone()
    {
        var options = new PolicyOptions { ContentChallengeAt = 0.3, ContentBlockAt = 0.3, ChallengeThreshold = 0.6, BlockThreshold = 0.9 };
        var previous = -1.0;
        for (var p = 0.0; p <= 1.0; p += 0.001)
        {
            var c = ContentRisk.Contribution(p, options);
            Assert.True(c >= previous, $"not monotone at {p}");
            Assert.InRange(c, 0, 1);
            previous = c;
        }
    }
}
