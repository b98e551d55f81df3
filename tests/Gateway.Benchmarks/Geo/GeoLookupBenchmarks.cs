using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo;
using Microsoft.Extensions.Configuration;

namespace Gateway.Benchmarks.Geo;

/// <summary>Country and ASN from the bundled DB-IP Lite databases (first database that knows wins).</summary>
[MemoryDiagnoser]
public class GeoLookupBenchmarks
{
    private GeoLookup _geo = null!;
    private IPAddress[] _population = null!;
    private readonly IPAddress _private = IPAddress.Parse("10.20.30.40");
    private readonly IPAddress _ipv4 = IPAddress.Parse("81.2.69.142");
    private readonly IPAddress _ipv6 = IPAddress.Parse("2a00:1450:4001:80b::200e");
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchmarkAssets.Configuration().GetSection("Protection:Geo").Get<GeoOptions>()!;
        var errors = new ConfigurationErrors();
        _geo = GeoLookup.Load(options, new AssetPaths(BenchmarkAssets.GatewayContentRoot), errors);
        errors.ThrowIfAny();
        _population = ClientAddresses.PublicIPv4(4096, 4).Select(IPAddress.Parse).ToArray();
    }

    [Benchmark(Baseline = true, Description = "private address (unknown)")]
    public GeoInfo Private() => _geo.Lookup(_private);

    [Benchmark(Description = "public IPv4")]
    public GeoInfo PublicIPv4() => _geo.Lookup(_ipv4);

    [Benchmark(Description = "public IPv6")]
    public GeoInfo PublicIPv6() => _geo.Lookup(_ipv6);

    [Benchmark(Description = "4,096 random public IPv4, rotating")]
    public GeoInfo Population() => _geo.Lookup(_population[_next++ & (_population.Length - 1)]);
}
