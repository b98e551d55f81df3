using System.Net;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Tests.Features;
using Gateway.Scoring.Tests.Features.Redis;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Challenge;

/// <summary>A real redis-server that goes away: single use falls back to the process, nothing fails.
/// Its own server, because stopping it would disturb other test classes.</summary>
public sealed class RedisOutageChallengeTests : IDisposable
{
    private const int Bits = 6;
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.23");
    private readonly RedisServer _redis = new();
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();

    public void Dispose()
    {
        _probe.Dispose();
        _redis.Dispose();
    }

    [Fact]
    public async Task WhileRedisIsDown_ReplaysAreStillRefusedInProcess_AndTheFallbackIsCounted()
    {
        using var replica = ChallengeServices.Create(_time, _probe, o => o.Key = ChallengeServices.SharedKey,
            _redis.ConnectionString, RedisTestStores.UniquePrefix());
        var token = replica.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);
        var nonce = ProofOfWork.Solve(token, Bits);
        _redis.Stop();
        Assert.True(await Eventually.TrueAsync(() => !IsConnected(replica)));

        var first = await replica.RedeemAsync(token, nonce, ChallengeServices.UserAgent, Client);
        var replay = await replica.RedeemAsync(token, nonce, ChallengeServices.UserAgent, Client);

        Assert.True(first.Succeeded);
        Assert.Equal(ChallengeFailure.Replay, replay.Failure);
        Assert.Equal(2, _probe.Total("protection.challenge.replay_fallback", "redis"));
    }

    [Fact]
    public void ReplicaStartedWhileRedisIsDown_SignsWithALocalKey_InsteadOfFailing()
    {
        _redis.Stop();

        using var replica = ChallengeServices.Create(_time, _probe, null, _redis.ConnectionString, RedisTestStores.UniquePrefix());

        Assert.Equal(ChallengeKeySource.Local, replica.Keys.Source);
    }

    [Fact]
    public async Task ReplicaStartedWhileRedisIsDown_AdoptsTheSharedKeyOnceRedisIsBack_AndStillAcceptsItsEarlierTokens()
    {
        _redis.Stop();
        using var replica = ChallengeServices.Create(_time, _probe, null, _redis.ConnectionString, RedisTestStores.UniquePrefix());
        var early = replica.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);

        _redis.Start();

        Assert.True(await Eventually.TrueAsync(() => replica.Keys.Source == ChallengeKeySource.Shared, TimeSpan.FromSeconds(30)));
        var redemption = await replica.RedeemAsync(early, ProofOfWork.Solve(early, Bits), ChallengeServices.UserAgent, Client);
        Assert.True(redemption.Succeeded);
    }

    private static bool IsConnected(ChallengeService service) => service.RedisConnected;
}
