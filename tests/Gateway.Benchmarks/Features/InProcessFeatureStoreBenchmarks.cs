using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.InProcess;

namespace Gateway.Benchmarks.Features;

/// <summary>The in-process behaviour store over 8,192 rotating clients: what each request reads and writes.</summary>
[MemoryDiagnoser]
public class InProcessFeatureStoreBenchmarks
{
    private const string Path = "/tienda1/publico/anadir.jsp";
    private InProcessFeatureStore _store = null!;
    private BehaviourKey[] _known = null!;
    private BehaviourKey[] _unknown = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _store = new InProcessFeatureStore(new FeatureStoreOptions(), TimeProvider.System);
        _known = ClientAddresses.PublicIPv4(8192, 5).Select(c => new BehaviourKey(c)).ToArray();
        _unknown = ClientAddresses.PublicIPv4(8192, 6).Select(c => new BehaviourKey(c)).ToArray();
        foreach (var key in _known)
        {
            _store.RecordRequest(key, Path);
            _store.RecordResponse(key, 200);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Baseline = true, Description = "read, known client")]
    public BehaviourFeatures ReadKnown() => _store.Read(Next(_known));

    [Benchmark(Description = "read, unknown client")]
    public BehaviourFeatures ReadUnknown() => _store.Read(Next(_unknown));

    [Benchmark(Description = "record request")]
    public void RecordRequest() => _store.RecordRequest(Next(_known), Path);

    [Benchmark(Description = "record response")]
    public void RecordResponse() => _store.RecordResponse(Next(_known), 404);

    [Benchmark(Description = "read + record (per request)")]
    public BehaviourFeatures ReadAndRecord()
    {
        var key = Next(_known);
        var features = _store.ReadAsync(key, CancellationToken.None).Result;
        _store.RecordRequest(key, Path);
        return features;
    }

    private BehaviourKey Next(BehaviourKey[] keys) => keys[_next++ & (keys.Length - 1)];
}
