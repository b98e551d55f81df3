using System.Net;
using Gateway.Scoring.Challenge;
using Gateway.Scoring.Tests.Features;
using Gateway.Scoring.Tests.Features.Redis;
using Gateway.TestSupport;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Challenge;

/// <summary>Replicas sharing one real redis-server: the generated key and single use are shared.</summary>
public sealed class RedisChallengeTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const int Bits = 6;
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.23");
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();
    private readonly string _prefix = RedisTestStores.UniquePrefix();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _probe.Dispose();
    }

    [Fact]
    public async Task ReplicasWithoutAConfiguredKey_ShareOneGeneratedKeyThroughRedis_AndAcceptEachOthersTokens()
    {
        var replicaA = await SharingReplicaAsync();
        var replicaB = await SharingReplicaAsync();

        var token = replicaA.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);
        var redemption = await replicaB.RedeemAsync(token, ProofOfWork.Solve(token, Bits), ChallengeServices.UserAgent, Client);
        Assert.True(redemption.Succeeded);
        Assert.Equal(ChallengeFailure.None, replicaA.CheckClearance(redemption.Clearance, ChallengeServices.UserAgent, Client));

        // The first replica's offer won: the key in Redis is what both derive from.
        using var connection = await RedisTestStores.ConnectAsync(redis);
        var stored = (string?)await connection.Database!.StringGetAsync($"{_prefix}:challenge:key");
        Assert.NotNull(ChallengeOptionsValidator.DecodeKey(stored));
    }

    [Fact]
    public async Task SolutionRedeemedOnOneReplica_IsRefusedAsAReplay_OnAnother()
    {
        var replicaA = await SharingReplicaAsync();
        var replicaB = await SharingReplicaAsync();
        var token = replicaA.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);
        var nonce = ProofOfWork.Solve(token, Bits);

        var first = await replicaA.RedeemAsync(token, nonce, ChallengeServices.UserAgent, Client);
        var replay = await replicaB.RedeemAsync(token, nonce, ChallengeServices.UserAgent, Client);

        Assert.True(first.Succeeded);
        // Each replica has its own in-process set, so only Redis can have told the second one. (No
        // assertion on replay_fallback: on a loaded machine the client can time out a SET that Redis
        // still ran, and the first replica then also records the id locally, which is correct.)
        Assert.Equal(ChallengeFailure.Replay, replay.Failure);
    }

    [Fact]
    public async Task UsedTokenId_ExpiresInRedis_WithTheToken()
    {
        var replica = Replica();
        var token = replica.IssueToken(ChallengeServices.UserAgent, Client, "/", Bits);
        Assert.True((await replica.RedeemAsync(token, ProofOfWork.Solve(token, Bits), ChallengeServices.UserAgent, Client)).Succeeded);

        using var connection = await RedisTestStores.ConnectAsync(redis);
        var server = connection.Multiplexer!.GetServer(connection.Multiplexer.GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"{_prefix}:challenge:used:*").ToArray();
        var key = Assert.Single(keys);
        var ttl = await connection.Database!.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(new ChallengeOptions().TokenLifetimeSeconds));
    }

    [Fact]
    public async Task ConfiguredKey_IsUsed_AndNothingIsWrittenToRedis()
    {
        var replica = Replica(o => o.Key = ChallengeServices.SharedKey);

        Assert.Equal(ChallengeKeySource.Configured, replica.Keys.Source);
        using var connection = await RedisTestStores.ConnectAsync(redis);
        Assert.False(await connection.Database!.KeyExistsAsync($"{_prefix}:challenge:key"));
    }

    /// <summary>
    /// A replica that has adopted the key in Redis. Startup waits for the first exchange only; on a loaded
    /// machine (the whole suite beside one redis-server) that exchange can time out, and the replica then
    /// signs with its own key until its retry two seconds later. The tests are about what happens once
    /// the key is shared, so they wait for it, and fail if it never comes.
    /// </summary>
    private async Task<ChallengeService> SharingReplicaAsync()
    {
        var replica = Replica();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (replica.Keys.Source != ChallengeKeySource.Shared && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(ChallengeKeySource.Shared, replica.Keys.Source);
        return replica;
    }

    private ChallengeService Replica(Action<ChallengeOptions>? configure = null)
    {
        var service = ChallengeServices.Create(_time, _probe, configure, redis.ConnectionString, _prefix);
        _owned.Add(service);
        return service;
    }
}
