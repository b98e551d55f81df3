using System.Globalization;
using Gateway.Scoring.Decision;

namespace Gateway.Scoring.Tests.Decision;

public sealed class DecisionHeaderTests
{
    [Fact]
    public void Format_EnforcedDecision_FollowsTheDocumentedShape()
    {
        var reasons = new ReasonList();
        reasons.Add("content");
        reasons.Add("reputation:spamhaus_drop");
        var decision = new ProtectionDecision(DecisionAction.Block, true, 0.98765, reasons, "content");

        Assert.Equal("block; score=0.988; reasons=content,reputation:spamhaus_drop", DecisionHeader.Format(decision));
    }

    [Fact]
    public void Format_MonitorDecision_SaysSo()
    {
        var decision = new ProtectionDecision(DecisionAction.Challenge, false, 0.5, new ReasonList(), Reasons.None);

        Assert.Equal("challenge; score=0.5; reasons=; mode=monitor", DecisionHeader.Format(decision));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.0004999)]
    [InlineData(0.0005)]
    [InlineData(0.0125)]
    [InlineData(0.9995)]
    [InlineData(0.123456789)]
    [InlineData(1e-12)]
    public void Format_Score_IsTheInvariantThreeDecimalForm(double score)
    {
        var decision = new ProtectionDecision(DecisionAction.Pass, true, score, new ReasonList(), Reasons.None);

        Assert.Equal($"pass; score={score.ToString("0.###", CultureInfo.InvariantCulture)}; reasons=", DecisionHeader.Format(decision));
    }

    [Fact]
    public void Format_ReasonsLongerThanItsStackBuffer_AreWrittenWhole()
    {
        var reasons = new ReasonList();
        for (var i = 0; i < ReasonList.Capacity; i++)
        {
            reasons.Add($"reputation:a_rather_long_operator_chosen_list_name_number_{i}");
        }
        var decision = new ProtectionDecision(DecisionAction.Block, true, 0.9, reasons, reasons[0]);

        Assert.Equal($"block; score=0.9; reasons={reasons}", DecisionHeader.Format(decision));
        Assert.True(DecisionHeader.Format(decision).Length > 256);
    }

    [Fact]
    public void ReasonList_KeepsAtMostCapacity_InOrder()
    {
        var reasons = new ReasonList();
        for (var i = 0; i < ReasonList.Capacity + 3; i++)
        {
            reasons.Add("r" + i);
        }

        Assert.Equal(ReasonList.Capacity, reasons.Count);
        Assert.Equal("r0", reasons[0]);
        Assert.Equal("r7", reasons[ReasonList.Capacity - 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => reasons[ReasonList.Capacity]);
    }
}
