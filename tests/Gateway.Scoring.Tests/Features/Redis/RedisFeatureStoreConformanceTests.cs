using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Features.Redis;

public sealed class RedisFeatureStoreConformanceTests(RedisServer redis) : FeatureStoreConformanceTests, IClassFixture<RedisServer>
{
    private protected override async Task<IFeatureStore> CreateStoreAsync(FeatureStoreOptions options)
    {
        // A key prefix of its own isolates each test on the shared server; a generous read timeout
        // keeps a busy test machine from turning correctness tests into timing tests.
        options.KeyPrefix = RedisTestStores.UniquePrefix();
        options.ReadTimeoutMilliseconds = 10_000;
        var connection = Own(await RedisTestStores.ConnectAsync(redis));
        return Own(new RedisFeatureStore(connection, options, Probe.Metrics, Time, NullLogger<RedisFeatureStore>.Instance, ownsConnection: false));
    }
}
