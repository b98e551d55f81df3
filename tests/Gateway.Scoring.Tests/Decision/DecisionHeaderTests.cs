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
