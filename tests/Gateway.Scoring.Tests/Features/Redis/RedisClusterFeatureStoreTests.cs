using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Features.Resilience;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Features.Redis;

/// <summary>
/// Cluster-only behaviour on a real three-master Redis Cluster: load spread over the masters,
/// slots that move (MOVED and ASK), and a master that dies. Tests that stop a node or move a slot
/// put the cluster back before they end, because the cluster is shared by the class.
/// </summary>
public sealed class RedisClusterFeatureStoreTests(RedisCluster cluster) : IClassFixture<RedisCluster>, IDisposable
{
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
    public async Task KeysOfDifferentClients_LandOnEveryMaster_AndEachClientOnExactlyOne()
    {
        var options = Options();
        var connection = await ConnectAsync();
        var store = Own(new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));
        const int clients = 30;
        for (var i = 0; i < clients; i++)
        {
            var key = new BehaviourKey($"198.51.100.{i}");
            store.RecordRequest(key, "/");
            Assert.Equal(1, (await store.ReadAsync(key, CancellationToken.None)).Requests10m);
        }

        var multiplexer = connection.Multiplexer!;
        var mastersByClient = new Dictionary<string, HashSet<int>>();
        var keysPerMaster = new int[RedisCluster.MasterCount];
        for (var node = 0; node < RedisCluster.MasterCount; node++)
        {
            var server = multiplexer.GetServer(cluster.Endpoints[node]);
            foreach (var key in RedisTestStores.Keys(server, options.KeyPrefix + ":*"))
            {
                keysPerMaster[node]++;
                var text = (string)key!;
                var client = text[(text.IndexOf('{') + 1)..text.IndexOf('}')];
                if (!mastersByClient.TryGetValue(client, out var masters))
                {
                    mastersByClient[client] = masters = [];
                }
                masters.Add(node);
            }
        }

        Assert.Equal(clients * 2, keysPerMaster.Sum());
        Assert.All(keysPerMaster, count => Assert.True(count > 0, $"keys per master: {string.Join(", ", keysPerMaster)}"));
        Assert.Equal(clients, mastersByClient.Count);
        Assert.All(mastersByClient.Values, masters => Assert.Single(masters));
    }

    [Fact]
    public async Task ReadsAndWrites_FollowAClientsSlot_WhileItMigrates_AndAfterItMoved()
    {
        var options = Options();
        var connection = await ConnectAsync();
        var redis = new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false);
        var store = Own(new ResilientFeatureStore(
            redis, new InProcessFeatureStore(options, _time), options, _probe.Metrics, _time, NullLogger<ResilientFeatureStore>.Instance));
        var client = new BehaviourKey("203.0.113.77");
        var slot = connection.Multiplexer!.HashSlot(RedisKeys.Counters(options.KeyPrefix, ClientTag.For(client.ClientIp), 0));
        var from = cluster.NodeServingSlot(slot);
        var to = (from + 1) % RedisCluster.MasterCount;
        store.RecordRequest(client, "/a");
        store.RecordRequest(client, "/b");
        Assert.Equal(2, (await store.ReadAsync(client, CancellationToken.None)).Requests10m);

        try
        {
            // Keys moved, slot still owned by the source: single-key writes are sent on with ASK.
            // The multi-key read is refused (TRYAGAIN) until the move completes; it is answered from memory.
            cluster.BeginSlotMigration(slot, from, to);
            store.RecordRequest(client, "/c");
            Assert.Equal(new BehaviourFeatures(3, 3, 3, 3, 0, 0, 0), await store.ReadAsync(client, CancellationToken.None));

            // Ownership moved: the source answers MOVED, the client updates its slot map, and Redis
            // holds every write, including the one made during the move.
            cluster.CompleteSlotMigration(slot, to);
            store.RecordRequest(client, "/d");
            Assert.Equal(new BehaviourFeatures(4, 4, 4, 4, 0, 0, 0), await redis.ReadAsync(client, CancellationToken.None));
            Assert.Equal(to, cluster.NodeServingSlot(slot));
        }
        finally
        {
            cluster.MoveSlot(slot, from);
        }
    }

    [Fact]
    public async Task MasterStopped_ReadsFallBackToMemory_WithoutFailing_AndAreCounted_ThenRedisIsUsedAgain()
    {
        var options = Options();
        options.BreakDurationSeconds = 1;
        options.FailuresBeforeBreaking = 1;
        options.ReadTimeoutMilliseconds = 2_000;
        var connection = await ConnectAsync();
        var redis = new RedisFeatureStore(connection, options, _probe.Metrics, _time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false);
        var store = Own(new ResilientFeatureStore(
            redis, new InProcessFeatureStore(options, _time), options, _probe.Metrics, _time, NullLogger<ResilientFeatureStore>.Instance));
        // One client on each master, so that whichever master dies, someone's keys die with it.
        var clients = ClientsOnEveryMaster(connection, options);
        foreach (var client in clients)
        {
            store.RecordRequest(client, "/a");
            Assert.Equal(1, (await store.ReadAsync(client, CancellationToken.None)).Requests10m);
        }
        Assert.Equal(0, _probe.Total("protection.store.fallback_reads"));

        cluster.StopNode(0);
        try
        {
            // Each read is answered (by Redis or, once reads fail, by this replica's own counts) and none throws.
            for (var round = 0; round < 20; round++)
            {
                foreach (var client in clients)
                {
                    Assert.Equal(1, (await store.ReadAsync(client, CancellationToken.None)).Requests10m);
                }
            }
            Assert.True(_probe.Total("protection.store.fallback_reads") > 0, "no read was served by the fallback");
            Assert.True(_probe.Total("protection.store.errors", "read") > 0, "no failed Redis read was counted");
            Assert.Equal(CircuitState.Open, store.Circuit);
        }
        finally
        {
            cluster.StartNode(0);
        }

        // The restarted master is empty; the merge with this replica's counts keeps the client's history.
        // Manual time moves one break per attempt (at most a few minutes in all, inside the 10-minute window).
        var back = false;
        for (var attempt = 0; attempt < 100 && !back; attempt++)
        {
            _time.Advance(TimeSpan.FromSeconds(options.BreakDurationSeconds));
            await store.ReadAsync(clients[0], CancellationToken.None);
            back = store.Circuit == CircuitState.Closed;
            if (!back)
            {
                await Task.Delay(200);
            }
        }
        Assert.True(back, "the circuit did not close after the master came back");
        foreach (var client in clients)
        {
            Assert.Equal(1, (await store.ReadAsync(client, CancellationToken.None)).Requests10m);
        }
    }

    [Fact]
    public async Task GatewayStartedWhileTheClusterIsDown_LearnsItIsACluster_OnceItComesUp()
    {
        for (var node = 0; node < RedisCluster.MasterCount; node++)
        {
            cluster.StopNode(node);
        }
        RedisConnection? connection = null;
        try
        {
            connection = Own(RedisConnection.Start(cluster.ConnectionString, NullLogger.Instance));
            await connection.Started;
            Assert.False(connection.IsConnected);
            Assert.False(connection.IsCluster);
        }
        finally
        {
            for (var node = 0; node < RedisCluster.MasterCount; node++)
            {
                cluster.StartNode(node, waitUntilHealthy: node == RedisCluster.MasterCount - 1);
            }
        }

        Assert.True(await Eventually.TrueAsync(() => connection.IsConnected && connection.IsCluster, TimeSpan.FromSeconds(30)),
            $"connected: {connection.IsConnected}, cluster: {connection.IsCluster}");
    }

    /// <summary>The first client address found for each master, in master order.</summary>
    private BehaviourKey[] ClientsOnEveryMaster(RedisConnection connection, FeatureStoreOptions options)
    {
        var clients = new BehaviourKey[RedisCluster.MasterCount];
        var found = 0;
        for (var i = 0; found < clients.Length; i++)
        {
            var client = new BehaviourKey($"192.0.2.{i}");
            var slot = connection.Multiplexer!.HashSlot(RedisKeys.Counters(options.KeyPrefix, ClientTag.For(client.ClientIp), 0));
            var node = cluster.NodeServingSlot(slot);
            if (clients[node].ClientIp is null)
            {
                clients[node] = client;
                found++;
            }
        }
        return clients;
    }

    private static FeatureStoreOptions Options() => new()
    {
        KeyPrefix = RedisTestStores.UniquePrefix(),
        ReadTimeoutMilliseconds = 10_000,
    };

    private async Task<RedisConnection> ConnectAsync() => Own(await RedisTestStores.ConnectAsync(cluster));

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
