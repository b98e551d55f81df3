using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Decision;
using Gateway.Scoring.Features;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.Signals;

namespace Gateway.Benchmarks.Decision;

/// <summary><see cref="RiskCombiner.Decide"/>: noisy-OR over the contributions and the reason list.</summary>
[MemoryDiagnoser]
public class RiskCombinerBenchmarks
{
    private CompiledPolicy _policy = null!;
    private RequestSignals _clean;
    private RequestSignals _attack;
    private RequestSignals _everything;
    private RequestSignals _degraded;

    [GlobalSetup]
    public void Setup()
    {
        _policy = new CompiledPolicy("bench", new PolicyOptions { RiskyCountries = ["XX", "YY"], RiskyAsns = [64500, 64501] });
        var ip = IPAddress.Parse("81.2.69.142");
        _clean = new RequestSignals
        {
            ClientIp = ip,
            Geo = new GeoInfo("GB", 20712, "Andrews & Arnold Ltd"),
            Behaviour = new BehaviourFeatures(3, 10, 40, 12, 39, 1, 0),
            BehaviourState = SignalState.Ready,
            ContentProbability = 0.02f,
            ContentState = SignalState.Ready,
        };
        _attack = _clean with { ContentProbability = 0.99f };
        _everything = new RequestSignals
        {
            ClientIp = ip,
            Reputation = new ReputationMatch(0b101, 0, 0.95),
            ReputationReason = "reputation:spamhaus_drop",
            Geo = new GeoInfo("XX", 64500, "Example"),
            Behaviour = new BehaviourFeatures(250, 900, 2500, 400, 300, 250, 3),
            BehaviourState = SignalState.Ready,
            ContentProbability = 0.7f,
            ContentState = SignalState.Ready,
        };
        _degraded = _clean with { BehaviourState = SignalState.Late, ContentState = SignalState.Shed, BodyLate = true };
    }

    [Benchmark(Baseline = true, Description = "clean request, pass")]
    public ProtectionDecision Clean() => RiskCombiner.Decide(_clean, _policy);

    [Benchmark(Description = "content attack, block")]
    public ProtectionDecision Attack() => RiskCombiner.Decide(_attack, _policy);

    [Benchmark(Description = "every signal fires")]
    public ProtectionDecision Everything() => RiskCombiner.Decide(_everything, _policy);

    [Benchmark(Description = "signals late or shed")]
    public ProtectionDecision Degraded() => RiskCombiner.Decide(_degraded, _policy);
}
