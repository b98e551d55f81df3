using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Features.Redis;

/// <summary>Redis-only behaviour: replicas, key layout, script cache, failures.</summary>
public sealed class RedisFeatureStoreTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly BehaviourKey Client = new("203.0.113.5");
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();
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
    public async Task TwoReplicas_SharingOneRedis_SeeTheSameCounts()
    {
        var options = Options();
        var replicaA = await CreateStoreAsync(options);
        var replicaB = await CreateStoreAsync(options);

        replicaA.RecordRequest(Client, "/a");
        replicaA.RecordRequest(Client, "/b");
        replicaA.RecordResponse(Client, 404);
        // A read on A comes back after A's earlier writes are applied (one connection, in order).
        await replicaA.ReadAsync(Client, CancellationToken.None);
        replicaB.RecordRequest(Client, "/b");
        replicaB.RecordRequest(Client, "/c");
        replicaB.RecordResponse(Client, 503);

        var expected = new BehaviourFeatures(4, 4, 4, 3, 2, 1, 1);
        Assert.Equal(expected, await replicaB.ReadAsync(Client, CancellationToken.None));
        Assert.Equal(expected, await replicaA.ReadAsync(Client, CancellationToken.None));
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("{2001:db8::1}")]
    [InlineData("a}{b")]
    [InlineData("}")]
    [InlineData("")]
    [InlineData("very-long")]
    public async Task KeysOfOneClient_ShareOneClusterHashSlot(string client)
    {
        if (client == "very-long")
        {
            client = new string('{', 5000) + "}";
        }
        var options = Options();
        var connection = await ConnectAsync();
        var store = Own(new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));
        var key = new BehaviourKey(client);

        store.RecordRequest(key, "/x");
        store.RecordResponse(key, 200);
        Assert.Equal(1, (await store.ReadAsync(key, CancellationToken.None)).Requests10m);

        var multiplexer = connection.Multiplexer!;
        var keys = RedisTestStores.Keys(multiplexer.GetServer(multiplexer.GetEndPoints()[0]), options.KeyPrefix + ":*");
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Select(k => multiplexer.HashSlot(k)).Distinct());
        Assert.All(keys, k => Assert.InRange(((string)k!).Length, 1, 128));
        if (client == "2001:db8::1")
        {
            Assert.All(keys, k => Assert.StartsWith(options.KeyPrefix + ":{2001:db8::1}:", (string)k!));
        }
    }

    [Fact]
    public async Task Keys_ExpireOnceTheLongestWindowHasPassed()
    {
        var options = Options();
        var connection = await ConnectAsync();
        var store = Own(new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));

        store.RecordRequest(Client, "/a");
        await store.ReadAsync(Client, CancellationToken.None);

        var multiplexer = connection.Multiplexer!;
        var database = multiplexer.GetDatabase();
        var keys = RedisTestStores.Keys(multiplexer.GetServer(multiplexer.GetEndPoints()[0]), options.KeyPrefix + ":*");
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            var lifetime = await database.KeyTimeToLiveAsync(key);
            Assert.NotNull(lifetime);
            Assert.InRange(lifetime.Value, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11));
        }
    }

    [Fact]
    public async Task Read_AfterRedisForgetsTheScript_LoadsItAgain()
    {
        var store = await CreateStoreAsync(Options());
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);

        for (var round = 1; round <= 3; round++)
        {
            store.RecordRequest(Client, $"/{round}");
            Assert.Equal(round, (await store.ReadAsync(Client, CancellationToken.None)).Requests10m);
            await server.ScriptFlushAsync();
            Assert.False(await server.ScriptExistsAsync(ReadFeaturesScript.Sha1));
        }
        Assert.Equal(0, _probe.Total("protection.store.errors"));
    }

    [Fact]
    public async Task Read_WhenRedisStallsPastTheReadTimeout_FailsAsUnavailable()
    {
        var connection = await ConnectAsync();
        var patient = new RedisFeatureStore(connection, Options(), _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false);
        var options = Options();
        options.ReadTimeoutMilliseconds = 300;
        var hasty = new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false);
        // Warm up (script loaded, code paths compiled) without the short deadline.
        await patient.ReadAsync(Client, CancellationToken.None);
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");

        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "2000", "ALL");
        var failure = await Assert.ThrowsAsync<FeatureStoreUnavailableException>(
            async () => await hasty.ReadAsync(Client, CancellationToken.None));
        // The server is shared with the other tests of this class.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");

        Assert.Contains("no answer within 300 ms", failure.Message);
        Assert.Equal(1, _probe.Total("protection.store.errors", "read"));
    }

    [Fact]
    public async Task Read_CancelledByTheCaller_ThrowsOperationCanceled()
    {
        var store = await CreateStoreAsync(Options());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadAsync(Client, cancelled.Token));
        Assert.Equal(0, _probe.Total("protection.store.errors"));
    }

    [Fact]
    public async Task WithoutRedis_ReadsFailAsUnavailable_WritesDoNotThrow_AndBothAreCounted()
    {
        var connection = Own(RedisConnection.Start(
            $"127.0.0.1:{FreePort.Next()},connectTimeout=200,connectRetry=1", NullLogger.Instance));
        await connection.Started;
        var store = Own(new RedisFeatureStore(connection, Options(), _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));

        store.RecordRequest(Client, "/a");
        store.RecordResponse(Client, 500);
        await Assert.ThrowsAsync<FeatureStoreUnavailableException>(async () => await store.ReadAsync(Client, CancellationToken.None));

        Assert.False(store.Status.RedisConnected);
        Assert.Equal(2, _probe.Total("protection.store.errors", "write"));
        Assert.Equal(1, _probe.Total("protection.store.errors", "read"));
    }

    private static FeatureStoreOptions Options() => new()
    {
        KeyPrefix = RedisTestStores.UniquePrefix(),
        ReadTimeoutMilliseconds = 10_000,
    };

    private async Task<RedisConnection> ConnectAsync() => Own(await RedisTestStores.ConnectAsync(redis));

    private async Task<RedisFeatureStore> CreateStoreAsync(FeatureStoreOptions options) =>
        Own(new RedisFeatureStore(await ConnectAsync(), options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
