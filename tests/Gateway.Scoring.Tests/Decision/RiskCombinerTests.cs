using System.Net;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.Signals;

namespace Gateway.Scoring.Tests.Decision;

public sealed class RiskCombinerTests
{
    private static readonly CompiledPolicy Default = new("default", new PolicyOptions());

    private static RequestSignals Quiet() => new()
    {
        ClientIp = IPAddress.Parse("203.0.113.5"),
        BehaviourState = SignalState.Ready,
        ContentState = SignalState.Ready,
        ContentProbability = 0.01f,
    };

    [Fact]
    public void Decide_QuietSignals_PassesWithNoReasons()
    {
        var decision = RiskCombiner.Decide(Quiet(), Default);

        Assert.Equal(DecisionAction.Pass, decision.Action);
        Assert.Equal(0, decision.Reasons.Count);
        Assert.Equal(Reasons.None, decision.PrimaryReason);
        Assert.True(decision.Enforced);
    }

    [Theory]
    [InlineData(0.49f, DecisionAction.Pass)]
    [InlineData(0.5f, DecisionAction.Challenge)]
    [InlineData(0.84f, DecisionAction.Challenge)]
    [InlineData(0.85f, DecisionAction.Block)]
    public void Decide_ContentAlone_MapsToThresholds(float probability, DecisionAction expected)
    {
        var signals = Quiet();
        signals.ContentProbability = probability;

        var decision = RiskCombiner.Decide(signals, Default);

        Assert.Equal(expected, decision.Action);
        Assert.Equal(probability, decision.Score, 5);
    }

    [Fact]
    public void Decide_ContentTheProfileVouchesFor_CountsForLess()
    {
        var signals = Quiet();
        signals.ContentProbability = 0.7f;
        Assert.Equal(DecisionAction.Challenge, RiskCombiner.Decide(signals, Default).Action);

        signals.ContentDiscount = 3;
        var vouched = RiskCombiner.Decide(signals, Default);

        Assert.Equal(DecisionAction.Pass, vouched.Action);
        Assert.Equal(ContentRisk.Discounted(0.7, 3), vouched.Score, 5);
    }

    [Fact]
    public void Decide_StrongContentTheProfileVouchesFor_IsStillBlocked()
    {
        var signals = Quiet();
        signals.ContentProbability = 0.9999f;
        signals.ContentDiscount = 3;

        Assert.Equal(DecisionAction.Block, RiskCombiner.Decide(signals, Default).Action);
    }

    [Fact]
    public void Decide_TwoModerateSignals_CombineByNoisyOr_StrongestReasonFirst()
    {
        var signals = Quiet();
        signals.ContentProbability = 0.4f;
        signals.Reputation = new ReputationMatch(1, 0, 0.5);
        signals.ReputationReason = "reputation:tor_exits";

        var decision = RiskCombiner.Decide(signals, Default);

        Assert.Equal(1 - (1 - 0.4) * (1 - 0.5), decision.Score, 5);
        Assert.Equal(DecisionAction.Challenge, decision.Action);
        Assert.Equal("reputation:tor_exits", decision.Reasons[0]);
        Assert.Equal(Reasons.Content, decision.Reasons[1]);
        Assert.Equal("reputation:tor_exits", decision.PrimaryReason);
    }

    [Theory]
    [InlineData(100, 0.0)]
    [InlineData(101, 0.604)]
    [InlineData(150, 0.8)]
    [InlineData(200, 1.0)]
    [InlineData(10_000, 1.0)]
    public void Decide_RequestRate_ChallengesJustOverTheLimit_BlocksAtTwiceTheLimit(int requests, double expectedRisk)
    {
        var signals = Quiet();
        signals.ContentProbability = 0;
        signals.Behaviour = new BehaviourFeatures(requests, 0, 0, 0, 0, 0, 0);

        var decision = RiskCombiner.Decide(signals, Default);

        Assert.Equal(expectedRisk, decision.Score, 3);
        if (requests > 100)
        {
            Assert.Contains(Reasons.Rate10s, decision.Reasons.ToString());
        }
    }

    [Fact]
    public void Decide_ClientErrorRatio_CountsOnlyAfterEnoughResponses()
    {
        var signals = Quiet();
        signals.ContentProbability = 0;
        signals.Behaviour = new BehaviourFeatures(0, 0, 0, 0, Responses10m: 10, ClientErrors10m: 10, ServerErrors10m: 0);
        Assert.Equal(0, RiskCombiner.Decide(signals, Default).Score);

        signals.Behaviour = new BehaviourFeatures(0, 0, 0, 0, Responses10m: 40, ClientErrors10m: 40, ServerErrors10m: 0);
        var decision = RiskCombiner.Decide(signals, Default);
        Assert.Equal(0.6, decision.Score, 5);
        Assert.Equal(Reasons.ClientErrors, decision.PrimaryReason);
    }

    [Fact]
    public void Decide_BlockedCountry_Blocks_RiskyAsnAddsGeoRisk()
    {
        var policy = new CompiledPolicy("geo", new PolicyOptions { BlockedCountries = ["xx"], RiskyAsns = [64500], GeoRisk = 0.3 });
        var signals = Quiet();
        signals.ContentProbability = 0;

        signals.Geo = new GeoInfo("XX", 0, null);
        Assert.Equal(DecisionAction.Block, RiskCombiner.Decide(signals, policy).Action);

        signals.Geo = new GeoInfo("FR", 64500, "Example Hosting");
        var decision = RiskCombiner.Decide(signals, policy);
        Assert.Equal(0.3, decision.Score, 5);
        Assert.Equal(Reasons.RiskyAsn, decision.PrimaryReason);
    }

    [Fact]
    public void Decide_LateSignals_FailOpen_WithDegradationReasons()
    {
        var signals = Quiet();
        signals.BehaviourState = SignalState.Late;
        signals.ContentState = SignalState.Shed;

        var decision = RiskCombiner.Decide(signals, Default);

        Assert.Equal(DecisionAction.Pass, decision.Action);
        Assert.Equal($"{Reasons.FeaturesLate},{Reasons.ContentShed}", decision.Reasons.ToString());
    }

    [Fact]
    public void Decide_LateSignal_UnderFailClosedPolicy_Blocks()
    {
        var policy = new CompiledPolicy("admin", new PolicyOptions { FailureMode = FailureMode.Closed });
        var signals = Quiet();
        signals.ContentState = SignalState.Late;

        var decision = RiskCombiner.Decide(signals, policy);

        Assert.Equal(DecisionAction.Block, decision.Action);
        Assert.True(decision.Reasons.Contains(Reasons.FailedClosed));
    }

    [Fact]
    public void Decide_MonitorPolicy_DecidesButDoesNotEnforce()
    {
        var policy = new CompiledPolicy("monitor", new PolicyOptions { Mode = PolicyMode.Monitor });
        var signals = Quiet();
        signals.ContentProbability = 0.99f;

        var decision = RiskCombiner.Decide(signals, policy);

        Assert.Equal(DecisionAction.Block, decision.Action);
        Assert.False(decision.Enforced);
        Assert.Equal(DecisionAction.Pass, decision.EffectiveAction);
    }

    [Fact]
    public void Decide_SkippedContent_IsNotADegradation()
    {
        var signals = Quiet();
        signals.ContentState = SignalState.Skipped;

        var decision = RiskCombiner.Decide(signals, new CompiledPolicy("closed", new PolicyOptions { FailureMode = FailureMode.Closed }));

        Assert.Equal(DecisionAction.Pass, decision.Action);
        Assert.Equal(0, decision.Reasons.Count);
    }
}
