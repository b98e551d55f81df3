using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;

namespace Gateway.Benchmarks.Pipeline;

/// <summary>
/// Every stage of one request's scoring, side by side in one run, with the ratio of each to the
/// cheapest, and the whole evaluation last: where the time of a decision goes. Same bundled
/// runtime, same benign request, a rotating population of clients.
/// </summary>
[MemoryDiagnoser]
public class ScoringStagesBenchmarks
{
    private ProtectionRuntime _runtime = null!;
    private SignalSources _sources = null!;
    private CompiledPolicy _policy = null!;
    private RepresentativeRequests.ReusableContext _request = null!;
    private float[] _vector = null!;
    private Gateway.Scoring.Content.RequestContent _content;
    private RequestSignals _signals;
    private BehaviourKey[] _keys = null!;
    private string[] _clients = null!;
    private IPAddress _client = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = BenchmarkAssets.CreateRuntime();
        _sources = _runtime.Sources;
        _policy = _runtime.Policies.Default;
        _clients = ClientAddresses.PublicIPv4(4096, 1);
        _keys = _clients.Select(c => new BehaviourKey(c)).ToArray();
        _request = new RepresentativeRequests.ReusableContext(RepresentativeRequests.BenignGet, _clients[0]);
        _client = IPAddress.Parse(_clients[0]);
        _content = RepresentativeRequests.Content(RepresentativeRequests.BenignGet);
        _vector = new float[_sources.Extractor.FeatureCount];
        _signals = new RequestSignals
        {
            ClientIp = _client,
            Reputation = _sources.Reputation.Lookup(_client),
            Geo = _sources.Geo.Lookup(_client),
            Behaviour = new BehaviourFeatures(3, 10, 40, 12, 39, 1, 0),
            BehaviourState = SignalState.Ready,
            ContentProbability = 0.02f,
            ContentState = SignalState.Ready,
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "client IP (X-Forwarded-For via loopback)")]
    public IPAddress ClientIp() => _sources.ClientAddress.Resolve(_request.Context);

    [Benchmark(Baseline = true, Description = "reputation lookup")]
    public Gateway.Scoring.Reputation.ReputationMatch Reputation() => _sources.Reputation.Lookup(_client);

    [Benchmark(Description = "geo lookup")]
    public Gateway.Scoring.Geo.GeoInfo Geo() => _sources.Geo.Lookup(_client);

    [Benchmark(Description = "feature store read + write (in-process)")]
    public BehaviourFeatures FeatureStore()
    {
        var key = _keys[_next++ & (_keys.Length - 1)];
        var features = _sources.Store.ReadAsync(key, CancellationToken.None).Result;
        _sources.Store.RecordRequest(key, "/tienda1/publico/anadir.jsp");
        return features;
    }

    [Benchmark(Description = "content features (benign GET)")]
    public float ContentFeatures()
    {
        _sources.Extractor.Extract(_content, _vector);
        return _vector[0];
    }

    [Benchmark(Description = "risk combination")]
    public ProtectionDecision RiskCombination() => RiskCombiner.Decide(_signals, _policy);

    [Benchmark(Description = "content model, one request")]
    public async Task<float> ContentModel() => (await _sources.Scorer!.ScoreAsync(_vector, CancellationToken.None)).Probability;

    [Benchmark(Description = "whole evaluation (EvaluateAsync)")]
    public async Task<DecisionAction> WholeEvaluation()
    {
        _request.Reset(_clients[_next++ & (_clients.Length - 1)]);
        var evaluation = await _runtime.Evaluator.EvaluateAsync(_request.Context, _policy, TimeProvider.System.GetTimestamp());
        evaluation.Body.Dispose();
        return evaluation.Decision.Action;
    }
}
