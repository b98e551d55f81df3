using System.Diagnostics;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Features.Resilience;
using Gateway.Scoring.Tests.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Features.Resilience;

/// <summary>Outages of a real redis-server, each test with a server of its own to kill.</summary>
public sealed class ResilientFeatureStoreTests : IDisposable
{
    private static readonly BehaviourKey Client = new("2001:db8::7");
    private readonly ManualTimeProvider _time = new();
    private readonly MetricsProbe _probe = new();
    private readonly RedisServer _redis = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _redis.Dispose();
        _probe.Dispose();
    }

    [Fact]
    public async Task RedisDiesAndReturns_ReadsNeverFail_TheFallbackAnswers_ThenRedisIsUsedAgain()
    {
        var options = new FeatureStoreOptions
        {
            KeyPrefix = RedisTestStores.UniquePrefix(),
            BreakDurationSeconds = 1,
            FailuresBeforeBreaking = 1,
            ReadTimeoutMilliseconds = 5_000,
        };
        var store = await CreateResilientStoreAsync(options);
        var transitions = new List<(CircuitState From, CircuitState To)>();
        store.CircuitChanged += (from, to) =>
        {
            lock (transitions)
            {
                transitions.Add((from, to));
            }
        };
        var otherReplica = Own(new RedisFeatureStore(
            await RedisTestStores.ConnectAsync(_redis), options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance));

        // Healthy: reads come from Redis, which also sees the other replica's traffic.
        Record(store, 3);
        Assert.Equal(3, await Requests(store));
        Record(otherReplica, 4);
        Assert.Equal(7, await Requests(otherReplica));
        Assert.Equal(7, await Requests(store));
        Assert.Equal(0, _probe.Total("protection.store.fallback_reads"));

        // Redis dies: reads keep answering, from this replica's own (warm) counts.
        _redis.Stop();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await store.ReadAsync(Client, CancellationToken.None);
            return store.Circuit == CircuitState.Open;
        }), "the circuit did not open after Redis died");
        Assert.Equal(3, await Requests(store));
        Record(store, 1);
        Assert.Equal(4, await Requests(store));
        Assert.True(_probe.Total("protection.store.fallback_reads") >= 2);
        Assert.False(store.Status.IsHealthy);

        // Redis returns (empty, and without the read script): after a break, a probe closes the circuit.
        _redis.Start();
        var recovery = Stopwatch.StartNew();
        while (store.Circuit != CircuitState.Closed && recovery.Elapsed < TimeSpan.FromSeconds(20))
        {
            _time.Advance(options.BreakDuration);
            await store.ReadAsync(Client, CancellationToken.None);
            await Task.Delay(100);
        }
        Assert.Equal(CircuitState.Closed, store.Circuit);
        Assert.True(store.Status.IsHealthy);
        // Redis forgot the outage; the local count covers it.
        Assert.Equal(4, await Requests(store));

        Assert.True(await Eventually.TrueAsync(() => otherReplica.Status.RedisConnected == true), "the other replica did not reconnect");
        Record(otherReplica, 10);
        Assert.Equal(10, await Requests(otherReplica));
        var fallbackReads = _probe.Total("protection.store.fallback_reads");
        Assert.Equal(10, await Requests(store));
        Assert.Equal(fallbackReads, _probe.Total("protection.store.fallback_reads"));

        lock (transitions)
        {
            Assert.Equal((CircuitState.Closed, CircuitState.Open), transitions[0]);
            Assert.Equal((CircuitState.HalfOpen, CircuitState.Closed), transitions[^1]);
        }
    }

    [Fact]
    public async Task CallerGivingUpOnAStalledRedis_GetsOperationCanceled_AndTheBreakerStillLearns()
    {
        var options = new FeatureStoreOptions
        {
            KeyPrefix = RedisTestStores.UniquePrefix(),
            FailuresBeforeBreaking = 1,
            ReadTimeoutMilliseconds = 1_000,
        };
        var store = await CreateResilientStoreAsync(options);
        Record(store, 2);
        Assert.Equal(2, await Requests(store));
        Assert.Equal(CircuitState.Closed, store.Circuit);
        Assert.Equal(0, _probe.Total("protection.store.fallback_reads"));
        using var admin = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "4000", "ALL");

        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ReadAsync(Client, budget.Token));

        Assert.True(await Eventually.TrueAsync(() => store.Circuit == CircuitState.Open), "the stalled read did not open the circuit");
        Assert.Equal(2, await Requests(store));
        Assert.Equal(1, _probe.Total("protection.store.fallback_reads"));
    }

    [Fact]
    public async Task Factory_WithRedisDownAtStart_ServesFromMemory()
    {
        var port = FreePort.Next();
        var store = Own(FeatureStoreFactory.Create(
            $"127.0.0.1:{port},connectTimeout=300", new FeatureStoreOptions(), _probe.Metrics, _time, NullLoggerFactory.Instance));

        Record(store, 2);
        for (var i = 0; i < new FeatureStoreOptions().FailuresBeforeBreaking; i++)
        {
            Assert.Equal(2, await Requests(store));
        }

        Assert.IsType<ResilientFeatureStore>(store);
        Assert.Equal(new FeatureStoreStatus(FeatureStoreStatus.RedisBackend, false, CircuitState.Open), store.Status);
        Assert.True(_probe.Total("protection.store.fallback_reads") >= 3);
    }

    private async Task<ResilientFeatureStore> CreateResilientStoreAsync(FeatureStoreOptions options)
    {
        var connection = await RedisTestStores.ConnectAsync(_redis);
        var redis = new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance);
        return Own(new ResilientFeatureStore(
            redis, new InProcessFeatureStore(options, _time), options, _probe.Metrics, _time, NullLogger<ResilientFeatureStore>.Instance));
    }

    private static void Record(IFeatureStore store, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            store.RecordRequest(Client, "/");
        }
    }

    private static async Task<int> Requests(IFeatureStore store) =>
        (await store.ReadAsync(Client, CancellationToken.None)).Requests10m;

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
