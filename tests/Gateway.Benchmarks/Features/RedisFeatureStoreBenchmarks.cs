using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Features;

/// <summary>
/// The Redis feature store on one local redis-server against the same store on a local
/// three-master Redis Cluster, over 8,192 rotating clients: the read a request waits for (one
/// EVALSHA), and a request's read plus its fire-and-forget writes. Both are on loopback, so the
/// ratio is the topology's cost in the client and the servers, not the network's. Baseline: the
/// read on one server.
/// </summary>
[MemoryDiagnoser]
public class RedisFeatureStoreBenchmarks
{
    private const string Path = "/tienda1/publico/anadir.jsp";
    private readonly List<IDisposable> _owned = [];
    private RedisFeatureStore _server = null!;
    private RedisFeatureStore _cluster = null!;
    private BehaviourKey[] _clients = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var services = Own(new ServiceCollection().AddMetrics().BuildServiceProvider());
        var metrics = new ProtectionMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        _clients = ClientAddresses.PublicIPv4(8192, 7).Select(c => new BehaviourKey(c)).ToArray();
        _server = Store(Own(new RedisServer()).ConnectionString, metrics);
        _cluster = Store(Own(new RedisCluster()).ConnectionString, metrics);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "read, one server")]
    public async Task<BehaviourFeatures> ReadServer() => await _server.ReadAsync(Next(), CancellationToken.None);

    [Benchmark(Description = "read, 3-master cluster")]
    public async Task<BehaviourFeatures> ReadCluster() => await _cluster.ReadAsync(Next(), CancellationToken.None);

    [Benchmark(Description = "read + record, one server")]
    public Task<BehaviourFeatures> ReadAndRecordServer() => ReadAndRecord(_server);

    [Benchmark(Description = "read + record, 3-master cluster")]
    public Task<BehaviourFeatures> ReadAndRecordCluster() => ReadAndRecord(_cluster);

    private async Task<BehaviourFeatures> ReadAndRecord(RedisFeatureStore store)
    {
        var key = Next();
        var features = await store.ReadAsync(key, CancellationToken.None);
        store.RecordRequest(key, Path);
        store.RecordResponse(key, 200);
        return features;
    }

    private RedisFeatureStore Store(string connectionString, ProtectionMetrics metrics)
    {
        var connection = Own(RedisConnection.Start(connectionString, NullLogger.Instance));
        connection.Started.Wait();
        var options = new FeatureStoreOptions { KeyPrefix = "bench", ReadTimeoutMilliseconds = 5_000 };
        var store = Own(new RedisFeatureStore(connection, options, metrics, TimeProvider.System, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));
        foreach (var key in _clients)
        {
            store.RecordRequest(key, Path);
            store.RecordResponse(key, 200);
        }
        // Writes are fire-and-forget; one awaited read per client makes sure they are applied and the script is cached.
        foreach (var key in _clients)
        {
            store.ReadAsync(key, CancellationToken.None).AsTask().Wait();
        }
        return store;
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private BehaviourKey Next() => _clients[_next++ & (_clients.Length - 1)];
}
