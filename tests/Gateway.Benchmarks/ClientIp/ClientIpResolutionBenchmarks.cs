using System.Net;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Configuration;
using Microsoft.Extensions.Primitives;

namespace Gateway.Benchmarks.ClientIp;

/// <summary>Finding the client address: straight from the peer, and through forwarding headers of growing length.</summary>
[MemoryDiagnoser]
public class ClientIpResolutionBenchmarks
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress Direct = IPAddress.Parse("81.2.69.142");
    private readonly StringValues _singleHop = "81.2.69.142";
    private readonly StringValues _proxyChain = "81.2.69.142, 10.1.0.7, 10.2.0.9, 10.0.0.3";
    private readonly StringValues _forwarded = "for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.3";
    private ClientIpResolver _resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var errors = new ConfigurationErrors();
        _resolver = ClientIpResolver.Create(new ClientIpOptions { TrustedProxies = ["10.0.0.0/8"] }, errors);
        errors.ThrowIfAny();
    }

    [Benchmark(Baseline = true, Description = "untrusted peer, headers ignored")]
    public IPAddress Peer() => _resolver.Resolve(Direct, _singleHop, StringValues.Empty).Address;

    [Benchmark(Description = "X-Forwarded-For, one hop")]
    public IPAddress ForwardedForOneHop() => _resolver.Resolve(Proxy, _singleHop, StringValues.Empty).Address;

    [Benchmark(Description = "X-Forwarded-For, four hops")]
    public IPAddress ForwardedForChain() => _resolver.Resolve(Proxy, _proxyChain, StringValues.Empty).Address;

    [Benchmark(Description = "Forwarded (RFC 7239), IPv6")]
    public IPAddress ForwardedHeader() => _resolver.Resolve(Proxy, StringValues.Empty, _forwarded).Address;
}
