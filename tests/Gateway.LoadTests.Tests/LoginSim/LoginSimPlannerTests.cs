using Gateway.DemoUpstream;
using Gateway.LoadTests.LoginSim;
using Gateway.Scoring.Login;

namespace Gateway.LoadTests.Tests.LoginSim;

public sealed class LoginSimPlannerTests
{
    private static IReadOnlyList<LoginEvent> Plan(LoginSimSettings settings) => LoginSimPlanner.Plan(settings, SharedCatalog.Instance);

    [Fact]
    public void SameSeed_PlansTheSameAttemptsInTheSameOrder()
    {
        var first = Plan(SharedCatalog.Small);
        var second = Plan(SharedCatalog.Small);

        Assert.Equal(first.Count, second.Count);
        Assert.True(first.SequenceEqual(second));
    }

    [Fact]
    public void UsersSignInOnDevices_AttackersOnlyReplayStolenOnes()
    {
        var plan = Plan(SharedCatalog.Small);
        var userDevices = plan.Where(e => e.Actor == ActorKind.History).Select(e => e.Device).ToHashSet();

        Assert.All(plan.Where(e => e.KeepsCookies), e => Assert.NotEqual("", e.Device));
        Assert.All(plan.Where(e => !e.KeepsCookies && e.Device.Length > 0), e =>
        {
            Assert.Equal(ActorKind.ResidentialStuffing, e.Actor);
            Assert.Contains(e.Device, userDevices);
        });
        Assert.Contains(plan, e => e.Actor == ActorKind.ResidentialStuffing && e.Device.Length > 0);
        Assert.DoesNotContain(plan, e => e.Actor is ActorKind.Stuffing or ActorKind.Spraying or ActorKind.BruteForce && e.Device.Length > 0);
        // A family computer: some device signs in for two accounts.
        Assert.Contains(plan.Where(e => e.Actor == ActorKind.History).GroupBy(e => e.Device), g => g.Select(e => e.Username).Distinct().Count() > 1);
        // Most sessions are on the device the user signed in on before; a few on a new one.
        var legit = plan.Where(e => e.Actor == ActorKind.Legitimate).ToList();
        Assert.InRange(legit.Count(e => userDevices.Contains(e.Device)), legit.Count * 0.85, legit.Count - 1);
    }

    [Fact]
    public void AnotherSeed_PlansOtherAttempts()
    {
        var first = Plan(SharedCatalog.Small);
        var other = Plan(SharedCatalog.Small with { Seed = 8 });

        Assert.False(first.Select(e => e.Client).SequenceEqual(other.Select(e => e.Client)));
    }

    [Fact]
    public void EveryAttackGetsExactlyItsAttempts_InCampaignOrder_AfterTheWarmUp()
    {
        var plan = Plan(SharedCatalog.Small);

        foreach (var (actor, count) in new[]
        {
            (ActorKind.Stuffing, SharedCatalog.Small.StuffingAttempts),
            (ActorKind.ResidentialStuffing, SharedCatalog.Small.ResidentialStuffingAttempts),
            (ActorKind.Spraying, SharedCatalog.Small.SprayingAttempts),
            (ActorKind.BruteForce, SharedCatalog.Small.BruteForceAttempts),
        })
        {
            var campaign = plan.Where(e => e.Actor == actor).ToList();
            Assert.Equal(count, campaign.Count);
            Assert.Equal(Enumerable.Range(0, count), campaign.Select(e => e.Index));
            Assert.All(campaign, e => Assert.True(e.At >= 0.25, $"{actor} attempt at {e.At}"));
        }
        Assert.True(plan.Zip(plan.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public void LegitimateUsers_UseTheirRealPasswords_AndATypoComesBeforeItsFix()
    {
        var plan = Plan(SharedCatalog.Small);
        var legit = plan.Where(e => e.Actor == ActorKind.Legitimate).ToList();

        Assert.All(legit.Where(e => DemoUsers.Verify(e.Username, e.Password)), e => Assert.StartsWith("user", e.Username));
        var typos = legit.Where(e => !DemoUsers.Verify(e.Username, e.Password)).ToList();
        Assert.NotEmpty(typos);
        Assert.InRange(typos.Count / (double)legit.Count, 0.02, 0.15);
        foreach (var typo in typos)
        {
            var at = legit.IndexOf(typo);
            Assert.Contains(legit.Skip(at + 1), e => e.Username == typo.Username && e.At == typo.At && DemoUsers.Verify(e.Username, e.Password));
        }
        Assert.Equal(SharedCatalog.Small.Users, legit.Select(e => e.Username).Distinct().Count());
    }

    [Fact]
    public void Addresses_ComeFromTheRightKindOfNetwork_AndAreOnNoBlocklist()
    {
        var plan = Plan(SharedCatalog.Small);
        var catalog = SharedCatalog.Instance;
        var hosting = HostingAsns.Default.ToHashSet();

        Assert.All(plan.Where(e => e.Actor == ActorKind.Stuffing), e => Assert.Contains(catalog.Describe(e.Client).Asn, hosting));
        Assert.All(plan.Where(e => e.Actor == ActorKind.ResidentialStuffing), e => Assert.Contains(catalog.Describe(e.Client).Asn, KnownNetworks.Residential));
        Assert.All(plan.Where(e => e.Setting is "household" or "office"), e => Assert.Contains(catalog.Describe(e.Client).Asn, KnownNetworks.Residential));
        Assert.All(plan.Where(e => e.Setting == "mobile"), e => Assert.Contains(catalog.Describe(e.Client).Asn, KnownNetworks.Mobile));
        Assert.All(plan.Where(e => e.Setting == "vpn"), e => Assert.Contains(catalog.Describe(e.Client).Asn, hosting));
        Assert.All(plan, e => Assert.NotNull(catalog.Describe(e.Client).CountryCode));
    }

    [Fact]
    public void Offices_PutSeveralUsersBehindOneAddress_AndPhonesChangeAddressBetweenSessions()
    {
        var legit = Plan(SharedCatalog.Small).Where(e => e.Actor == ActorKind.Legitimate).ToList();

        var officeAddresses = legit.Where(e => e.Setting == "office").GroupBy(e => e.Client);
        Assert.Contains(officeAddresses, g => g.Select(e => e.Username).Distinct().Count() >= 4);
        var phones = legit.Where(e => e.Setting == "mobile").GroupBy(e => e.Username).Where(g => g.Select(e => e.At).Distinct().Count() > 1);
        Assert.Contains(phones, g => g.Select(e => e.Client).Distinct().Count() > 1);
    }

    [Fact]
    public void TooManyUsers_IsRefused() =>
        Assert.Throws<LoadTestException>(() => Plan(SharedCatalog.Small with { Users = DemoUsers.GeneratedCount + 1 }));

    [Fact]
    public void EveryUser_HasOneEarlierSignIn_FromTheirUsualNetwork_BeforeAnyAttack()
    {
        var plan = Plan(SharedCatalog.Small);
        var catalog = SharedCatalog.Instance;
        var history = plan.Where(e => e.Actor == ActorKind.History).ToList();
        var legit = plan.Where(e => e.Actor == ActorKind.Legitimate).ToList();

        Assert.Equal(SharedCatalog.Small.Users, history.Count);
        Assert.Equal(SharedCatalog.Small.Users, history.Select(e => e.Username).Distinct().Count());
        Assert.All(history, e => Assert.True(e.At < LoginSimPlanner.HistoryShare && DemoUsers.Verify(e.Username, e.Password)));
        foreach (var earlier in history)
        {
            foreach (var later in legit.Where(e => e.Username == earlier.Username && e.Setting != "travel"))
            {
                if (earlier.Setting == "mobile")
                {
                    Assert.Equal(catalog.Describe(earlier.Client).Asn, catalog.Describe(later.Client).Asn);
                }
                else
                {
                    Assert.Equal(earlier.Client, later.Client);
                }
            }
        }
    }

    [Fact]
    public void SurgeWindows_AreScaledFromSiteTimeToTheRunsDuration()
    {
        var settings = SharedCatalog.Small with { DurationSeconds = 60, SimulatedSpan = TimeSpan.FromHours(2) };

        var windows = LoginSimCommand.ScaledSurgeWindows(settings).ToList();

        Assert.Contains("Protection:Login:Profiles:form:Surge:ShortHalfLifeSeconds=1", windows);
        Assert.Contains("Protection:Login:Profiles:json:Surge:BaselineHalfLifeSeconds=30", windows);
    }
}
