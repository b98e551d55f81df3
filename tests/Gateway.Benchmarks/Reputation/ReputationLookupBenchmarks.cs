using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Reputation;
using Microsoft.Extensions.Configuration;

namespace Gateway.Benchmarks.Reputation;

/// <summary>One binary search over the merged lists of the bundled configuration.</summary>
[MemoryDiagnoser]
public class ReputationLookupBenchmarks
{
    private ReputationDatabase _database = null!;
    private IPAddress[] _population = null!;
    private readonly IPAddress _unlisted = IPAddress.Parse("81.2.69.142");
    private readonly IPAddress _listed = IPAddress.Parse("1.10.16.1");
    private readonly IPAddress _ipv6 = IPAddress.Parse("2a00:1450:4001:80b::200e");
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchmarkAssets.Configuration().GetSection("Protection:Reputation").Get<ReputationOptions>()!;
        var errors = new ConfigurationErrors();
        _database = ReputationDatabase.Load(options, new AssetPaths(BenchmarkAssets.GatewayContentRoot), errors);
        errors.ThrowIfAny();
        _population = ClientAddresses.PublicIPv4(4096, 3).Select(IPAddress.Parse).ToArray();
    }

    [Benchmark(Baseline = true, Description = "unlisted IPv4")]
    public ReputationMatch Unlisted() => _database.Lookup(_unlisted);

    [Benchmark(Description = "listed IPv4 (Spamhaus DROP)")]
    public ReputationMatch Listed() => _database.Lookup(_listed);

    [Benchmark(Description = "IPv6")]
    public ReputationMatch IPv6() => _database.Lookup(_ipv6);

    [Benchmark(Description = "4,096 random public IPv4, rotating")]
    public ReputationMatch Population() => _database.Lookup(_population[_next++ & (_population.Length - 1)]);
}
