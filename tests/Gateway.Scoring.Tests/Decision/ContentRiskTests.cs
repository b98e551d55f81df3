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

    [Theory]
    [InlineData(0.97, 3.0, 0.6168)]
    [InlineData(0.9999, 3.0, 0.99802)]
    [InlineData(0.5, 2.0, 0.1192)]
    [InlineData(0.01, 3.0, 0.000503)]
    public void Discounted_TakesTheLogOddsOff(double probability, double logOdds, double expected) =>
        Assert.Equal(expected, ContentRisk.Discounted(probability, logOdds), precision: 4);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.42)]
    [InlineData(1.0)]
    public void Discounted_ByNothing_LeavesTheProbability(double probability) =>
        Assert.Equal(probability, ContentRisk.Discounted(probability, 0));

    [Fact]
    public void Discounted_CertainProbabilities_StayFiniteAndOrdered()
    {
        var one = ContentRisk.Discounted(1.0, 3);
        var zero = ContentRisk.Discounted(0.0, 3);
        Assert.InRange(one, 0.9999, 1.0);
        Assert.InRange(zero, 0.0, 1e-12);
        var previous = -1.0;
        for (var p = 0.001; p <= 1.0; p += 0.001)
        {
            var d = ContentRisk.Discounted(p, 3);
            Assert.True(d > previous, $"not increasing at {p}");
            Assert.True(d <= p + 1e-15, $"raised at {p}");
            previous = d;
        }
    }
}
