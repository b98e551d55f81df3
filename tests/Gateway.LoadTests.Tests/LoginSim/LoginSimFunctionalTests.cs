using Gateway.LoadTests.LoginSim;

namespace Gateway.LoadTests.Tests.LoginSim;

/// <summary>
/// The whole simulation on real sockets: the real gateway with its bundled configuration in front
/// of the demo shop, a seeded population and four attacks, about 5,300 attempts in 40 s. (At 20 s,
/// each user's history sign-in made a 12-seat office overrun the real-time 10 s rate limit.) It
/// checks outcomes, not timings: the targets for stuffing (through hosting and through
/// residential proxies) and legitimate users.
/// </summary>
public sealed class LoginSimFunctionalTests
{
    [Fact]
    public async Task ShortSeededSimulation_MeetsTheLoginDefenceTargets()
    {
        var settings = new LoginSimSettings
        {
            Seed = 1, Users = 1000, StuffingAttempts = 1200, ResidentialStuffingAttempts = 400, SprayingAttempts = 100, BruteForceAttempts = 60,
            DurationSeconds = 40, NetworkSamples = 400_000,
        };

        var result = await LoginSimCommand.RunAsync(settings, target: null, [], TimeProvider.System, CancellationToken.None);

        var legit = result[ActorKind.Legitimate];
        var stuffing = result[ActorKind.Stuffing];
        var residential = result[ActorKind.ResidentialStuffing];
        Assert.Equal(0, result.Errors);
        Assert.True(stuffing.StoppedAfterGraceShare >= LoginSimResult.StuffingTarget, $"hosting-proxy stuffing after 20: {stuffing.StoppedAfterGraceShare:P2}");
        Assert.True(residential.StoppedAfterGraceShare >= LoginSimResult.StuffingTarget, $"residential-proxy stuffing after 20: {residential.StoppedAfterGraceShare:P2}");
        Assert.True(result.StuffingTargetMet);
        // The limit (0.5% challenged) holds for users on networks they signed in from before.
        // Users on a new network while the site is under attack are challenged by login.surge (a
        // browser passes the proof of work on its own; the simulation counts them as challenged):
        // about 1.5% of sessions, times the share of the span under attack. That is reported, not hidden.
        var travel = legit.Settings.Where(s => s.Key == "travel").Select(s => s.Value.Challenged).Sum();
        var settled = ActorTally.Share(legit.Challenged - travel, legit.Attempts);
        Assert.True(settled <= LoginSimResult.LegitimateChallengeLimit, $"legitimate challenged on known networks: {settled:P2}");
        Assert.Equal(0, legit.Blocked);
        Assert.True(result[ActorKind.Spraying].StoppedAfterGraceShare >= 0.99);
        Assert.True(result[ActorKind.BruteForce].StoppedAfterGraceShare >= 0.99);
        Assert.True(legit.Succeeded > legit.Attempts * 0.85, "most legitimate logins succeed");
    }
}
