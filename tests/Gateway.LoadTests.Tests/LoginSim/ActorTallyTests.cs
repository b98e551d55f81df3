using System.Net;
using Gateway.LoadTests.LoginSim;

namespace Gateway.LoadTests.Tests.LoginSim;

public sealed class ActorTallyTests
{
    private static LoginEvent Attempt(ActorKind actor, int index, string setting = "") =>
        new(0.5, actor, index, IPAddress.Parse("192.0.2.1"), "u", "p", false, setting);

    [Fact]
    public void StoppedAfterTheFirst20_CountsOnlyACampaignsLaterAttempts()
    {
        var result = new LoginSimResult();
        for (var i = 0; i < 20; i++)
        {
            result.Add(Attempt(ActorKind.Stuffing, i), AttemptResult.Failed, null);
        }
        for (var i = 20; i < 220; i++)
        {
            result.Add(Attempt(ActorKind.Stuffing, i), i == 100 ? AttemptResult.Failed : i % 2 == 0 ? AttemptResult.Challenged : AttemptResult.Blocked, "login.stuffing");
        }

        var stuffing = result[ActorKind.Stuffing];
        Assert.Equal(220, stuffing.Attempts);
        Assert.Equal(199, stuffing.Stopped);
        Assert.Equal(200, stuffing.AttemptsAfterGrace);
        Assert.Equal(0.995, stuffing.StoppedAfterGraceShare, 6);
        Assert.True(result.StuffingTargetMet);
        Assert.Equal(new KeyValuePair<string, int>("login.stuffing", 199), Assert.Single(stuffing.Reasons));
    }

    [Fact]
    public void AttemptsWithADeviceCookie_AreCountedApart_AlsoAfterTheFirst20()
    {
        var result = new LoginSimResult();
        result.Add(Attempt(ActorKind.ResidentialStuffing, 3), AttemptResult.Failed, null, sentDeviceCookie: true);
        result.Add(Attempt(ActorKind.ResidentialStuffing, 30), AttemptResult.Challenged, "login.surge", sentDeviceCookie: true);
        result.Add(Attempt(ActorKind.ResidentialStuffing, 31), AttemptResult.Challenged, "login.surge");

        var tally = result[ActorKind.ResidentialStuffing];
        Assert.Equal((2, 1, 1, 1), (tally.WithDeviceCookie, tally.StoppedWithDeviceCookie, tally.WithDeviceCookieAfterGrace, tally.StoppedWithDeviceCookieAfterGrace));
    }

    [Fact]
    public void StuffingTarget_NeedsTheResidentialCampaignToo()
    {
        var result = new LoginSimResult();
        for (var i = 0; i < 120; i++)
        {
            result.Add(Attempt(ActorKind.Stuffing, i), AttemptResult.Challenged, "login.stuffing");
            result.Add(Attempt(ActorKind.ResidentialStuffing, i), i is >= 20 and < 22 ? AttemptResult.Failed : AttemptResult.Challenged, "login.surge");
        }

        Assert.Equal(0.98, result[ActorKind.ResidentialStuffing].StoppedAfterGraceShare, 6);
        Assert.False(result.StuffingTargetMet);
    }

    [Fact]
    public void LegitimateTarget_AllowsFewChallenges_AndNoBlock()
    {
        var result = new LoginSimResult();
        for (var i = 0; i < 1000; i++)
        {
            result.Add(Attempt(ActorKind.Legitimate, 0, "household"), i < 5 ? AttemptResult.Challenged : AttemptResult.Succeeded, null);
        }
        Assert.True(result.LegitimateTargetMet);

        result.Add(Attempt(ActorKind.Legitimate, 0, "vpn"), AttemptResult.Blocked, "login.stuffing");

        Assert.False(result.LegitimateTargetMet);
        Assert.Equal((1, 0, 1), result[ActorKind.Legitimate].Settings.Single(s => s.Key == "vpn").Value);
    }

    [Fact]
    public void Errors_AreCountedApartFromDecisions()
    {
        var result = new LoginSimResult();
        result.Add(Attempt(ActorKind.BruteForce, 0), AttemptResult.Error, "HttpRequestException");

        Assert.Equal(1, result.Errors);
        Assert.Equal(0, result[ActorKind.BruteForce].Stopped);
    }
}
