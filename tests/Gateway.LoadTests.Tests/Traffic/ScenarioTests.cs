using System.Text;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Traffic;

public sealed class ScenarioTests
{
    private static readonly ReplayItem[] Items =
    [
        new("GET", "/tienda1/index.jsp", null, null),
        new("POST", "/tienda1/publico/anadir.jsp", Encoding.ASCII.GetBytes("id=2&cantidad=1"), "application/x-www-form-urlencoded"),
    ];

    [Fact]
    public void Next_SameSequence_SameRequest()
    {
        var first = BurstScenario();
        var second = BurstScenario();

        for (var i = 0; i < 1000; i++)
        {
            var a = first.Next(i, 0.5);
            var b = second.Next(i, 0.5);
            Assert.Equal(a with { Body = null }, b with { Body = null });
            Assert.Equal(a.Body ?? [], b.Body ?? []);
        }
    }

    [Fact]
    public void Next_MixFollowsItsWeights()
    {
        var benign = new ReplaySource(TrafficKind.Benign, Items, ClientAddressPool.Create(10, 1), 1);
        var attacks = new ReplaySource(TrafficKind.Attack, Items, ClientAddressPool.Create(10, 1), 2);
        var mix = new TrafficMix([(benign, 9), (attacks, 1)], 3);

        var attackShare = Enumerable.Range(0, 100_000).Count(i => mix.Next(i).Kind == TrafficKind.Attack) / 100_000.0;

        Assert.InRange(attackShare, 0.09, 0.11);
        Assert.Equal("Benign 90%, Attack 10%", mix.Describe());
    }

    [Fact]
    public void Next_BurstOnlyInTheMiddleThird()
    {
        var scenario = BurstScenario();

        var kindsBefore = Enumerable.Range(0, 1000).Select(i => scenario.Next(i, 0.1).Kind).Distinct();
        var kindsDuring = Enumerable.Range(0, 1000).Select(i => scenario.Next(i, 0.5).Kind).Distinct().Order();
        var kindsAfter = Enumerable.Range(0, 1000).Select(i => scenario.Next(i, 0.9).Kind).Distinct();

        Assert.Equal([TrafficKind.Benign], kindsBefore);
        Assert.Equal([TrafficKind.Benign, TrafficKind.Stuffing], kindsDuring);
        Assert.Equal([TrafficKind.Benign], kindsAfter);
        Assert.Equal("before", scenario.PhaseAt(0).Label);
        Assert.Equal("burst", scenario.PhaseAt(1.0 / 3).Label);
        Assert.Equal("after", scenario.PhaseAt(1).Label);
    }

    [Fact]
    public void CredentialStuffing_PostsManyUsernamesFromRotatingAddresses()
    {
        var botnet = ClientAddressPool.Create(8, 9);
        var source = new CredentialStuffingSource(botnet, 100_000, 4);

        var requests = Enumerable.Range(0, 1000).Select(i => source.Next(i)).ToList();

        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/login", r.Target);
            Assert.Equal("application/x-www-form-urlencoded", r.ContentType);
            Assert.StartsWith("username=user", Encoding.ASCII.GetString(r.Body!));
        });
        Assert.True(requests.Select(r => Encoding.ASCII.GetString(r.Body!)).Distinct().Count() > 900);
        Assert.Equal(8, requests.Select(r => r.ForwardedFor).Distinct().Count());
        // Rotation: consecutive attempts never come from the same bot.
        Assert.All(Enumerable.Range(1, 999), i => Assert.NotEqual(requests[i - 1].ForwardedFor, requests[i].ForwardedFor));
    }

    [Fact]
    public void Flood_EveryRequestFromOneAddress()
    {
        var source = new ReplaySource(TrafficKind.Flood, Items, "81.2.69.142", 7);

        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal("81.2.69.142", source.Next(i).ForwardedFor));
    }

    [Fact]
    public void Constructor_PhasesOutOfOrder_AreRefused()
    {
        var mix = new TrafficMix([(new ReplaySource(TrafficKind.Benign, Items, "81.2.69.142", 1), 1)], 0);

        Assert.Throws<ArgumentException>(() => new Scenario("x", "x", [new ScenarioPhase(0.5, "late", mix)]));
        Assert.Throws<ArgumentException>(() => new Scenario("x", "x", [new ScenarioPhase(0, "a", mix), new ScenarioPhase(0, "b", mix)]));
    }

    private static Scenario BurstScenario()
    {
        var benign = new ReplaySource(TrafficKind.Benign, Items, ClientAddressPool.Create(50, 1), 11);
        var stuffing = new CredentialStuffingSource(ClientAddressPool.Create(4, 2), 1000, 12);
        var quiet = new TrafficMix([(benign, 1)], 0);
        var busy = new TrafficMix([(benign, 1), (stuffing, 1)], 13);
        return new Scenario("burst", "test", [new ScenarioPhase(0, "before", quiet), new ScenarioPhase(1.0 / 3, "burst", busy), new ScenarioPhase(2.0 / 3, "after", quiet)]);
    }
}
