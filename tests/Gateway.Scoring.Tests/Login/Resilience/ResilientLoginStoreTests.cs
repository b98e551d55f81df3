using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Features.Resilience;
using Gateway.Scoring.Login;
using Gateway.Scoring.Login.InProcess;
using Gateway.Scoring.Login.Redis;
using Gateway.Scoring.Login.Resilience;
using Gateway.Scoring.Tests.Features;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Login.Resilience;

/// <summary>The login store in front of a real redis-server that dies: reads degrade to this replica's view, never throw.</summary>
public sealed class ResilientLoginStoreTests : IDisposable
{
    private static readonly LoginEntity Ip = new(LoginEntityKind.Ip, "203.0.113.77");
    private readonly RedisServer _redis = new();
    private readonly MetricsProbe _probe = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose()
    {
        _probe.Dispose();
        _redis.Dispose();
    }

    private async Task<(ResilientLoginStore Store, RedisConnection Connection)> CreateAsync()
    {
        // The breaker opens on one failure and the manual clock never closes it again, so one command slowed
        // past the usual 1 s by a loaded machine would fail "reads come from Redis"; a dead server is
        // still seen at once (the socket closes), so a longer timeout costs the outage test nothing.
        var connectionString = _redis.ConnectionString.Replace("syncTimeout=1000", "syncTimeout=5000", StringComparison.Ordinal);
        var connection = RedisConnection.Start(connectionString, NullLogger.Instance);
        await connection.Started;
        var metrics = new LoginMetrics(_probe.Metrics);
        var redis = new RedisLoginStore(connection, "r" + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromSeconds(2), metrics, _time,
            NullLogger<RedisLoginStore>.Instance);
        var store = new ResilientLoginStore(redis, new InProcessLoginStore(1000, _time), TimeSpan.FromSeconds(5), 1, metrics, _time);
        return (store, connection);
    }

    [Fact]
    public async Task WhileRedisAnswers_ReadsComeFromRedis()
    {
        var (store, _) = await CreateAsync();
        using var owned = store;

        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));
        var state = await store.ReadAsync(Ip, default, CancellationToken.None);

        Assert.Equal(1, state.Failures10m, 6);
        Assert.Equal("redis", store.State);
        Assert.Equal(0, _probe.Total("protection.login.store.fallback_reads"));
    }

    [Fact]
    public async Task WhenRedisDies_ReadsFallBackToThisReplicasCounts_AndAreCounted()
    {
        var (store, connection) = await CreateAsync();
        using var owned = store;
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 1));
        store.Record(Ip, new LoginObservation(LoginOutcome.Failure, 2));

        _redis.Stop();
        Assert.True(await Eventually.TrueAsync(() => !connection.IsConnected));
        var first = await store.ReadAsync(Ip, default, CancellationToken.None);
        var second = await store.ReadAsync(Ip, default, CancellationToken.None);

        Assert.Equal(2, first.Failures10m, 6);
        Assert.Equal(2, second.Distinct10m);
        Assert.Equal(CircuitState.Open, store.Circuit);
        Assert.Equal("fallback", store.State);
        Assert.Equal(2, _probe.Total("protection.login.store.fallback_reads"));
        Assert.True(_probe.Total("protection.fail_open", "login.fallback") >= 2);
    }
}
