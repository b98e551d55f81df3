using Gateway.Scoring.Login;
using Gateway.Scoring.Login.Redis;
using Gateway.Scoring.Tests.Features;
using Gateway.Scoring.Tests.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Login.Redis;

/// <summary>The login store's conformance suite against a real three-master Redis Cluster.</summary>
public sealed class RedisClusterLoginStoreConformanceTests(RedisCluster cluster) : LoginStoreConformanceTests, IClassFixture<RedisCluster>
{
    private readonly MetricsProbe _probe = new();

    private protected override async Task<ILoginStore> CreateStoreAsync()
    {
        var connection = Own(await RedisTestStores.ConnectAsync(cluster));
        Own(_probe);
        // Each master has a script cache of its own; load both scripts on every one (see the
        // single-server suite for why they are cached before the test).
        foreach (var endpoint in cluster.Endpoints)
        {
            var server = connection.Multiplexer!.GetServer(endpoint);
            await server.ScriptLoadAsync(LoginScripts.ReadText);
            await server.ScriptLoadAsync(LoginScripts.WriteText);
        }
        return Own(new RedisLoginStore(connection, RedisTestStores.UniquePrefix(), TimeSpan.FromSeconds(10),
            new LoginMetrics(_probe.Metrics), Time, NullLogger<RedisLoginStore>.Instance, ownsConnection: false));
    }
}
