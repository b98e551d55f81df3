using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Features.Redis;

/// <summary>The whole conformance suite against a real three-master Redis Cluster.</summary>
public sealed class RedisClusterFeatureStoreConformanceTests(RedisCluster cluster) : FeatureStoreConformanceTests, IClassFixture<RedisCluster>
{
    private protected override async Task<IFeatureStore> CreateStoreAsync(FeatureStoreOptions options)
    {
        options.KeyPrefix = RedisTestStores.UniquePrefix();
        options.ReadTimeoutMilliseconds = 10_000;
        var connection = Own(await RedisTestStores.ConnectAsync(cluster));
        return Own(new RedisFeatureStore(connection, options, Probe.Metrics, Time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));
    }
}
