using Gateway.LoadTests.LoginSim;

namespace Gateway.LoadTests.Tests.LoginSim;

/// <summary>
/// The whole simulation on real sockets: the real gateway with its bundled configuration in front
/// of the demo shop, a seeded population and four attacks, about 4,000 attempts in 20 s. It checks
/// outcomes, not timings: the targets for stuffing (through hosting and through residential
/// proxies) and legitimate users.
/// </summary>
public sealed class LoginSimFunctionalTests
{
    [Fact]
    public async Task ShortSeededSimulation_MeetsTheLoginDefenceTargets()
    {
        var settings = new LoginSimSettings
        {
            Seed = 1, Users = 1000, StuffingAttempts = 1200, ResidentialStuffingAttempts = 200, SprayingAttempts = 100, BruteForceAttempts = 60,
            DurationSeconds = 20, NetworkSamples = 400_000,
        };

        var result = await LoginSimCommand.RunAsync(settings, target: null, [], TimeProvider.System, CancellationToken.None);

        var legit = result[ActorKind.Legitimate];
        var stuffing = result[ActorKind.Stuffing];
        var residential = result[ActorKind.ResidentialStuffing];
        Assert.Equal(0, result.Errors);
        Assert.True(stuffing.StoppedAfterGraceShare >= LoginSimResult.StuffingTarget, $"hosting-proxy stuffing after 20: {stuffing.StoppedAfterGraceShare:P2}");
        Assert.True(residential.StoppedAfterGraceShare >= LoginSimResult.StuffingTarget, $"residential-proxy stuffing after 20: {residential.StoppedAfterGraceShare:P2}");
        Assert.True(result.StuffingTargetMet);
        Assert.True(legit.ChallengedShare <= LoginSimResult.LegitimateChallengeLimit, $"legitimate challenged: {legit.ChallengedShare:P2}");
        Assert.Equal(0, legit.Blocked);
        Assert.True(result[ActorKind.Spraying].StoppedAfterGraceShare >= 0.99);
        Assert.True(result[ActorKind.BruteForce].StoppedAfterGraceShare >= 0.99);
        Assert.True(legit.Succeeded > legit.Attempts * 0.85, "most legitimate logins succeed");
    }
}
