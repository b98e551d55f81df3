using Gateway.Scoring.Login;
using Gateway.Scoring.Login.Redis;
using Gateway.Scoring.Tests.Features;
using Gateway.Scoring.Tests.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Login.Redis;

public sealed class RedisLoginStoreConformanceTests(RedisServer redis) : LoginStoreConformanceTests, IClassFixture<RedisServer>
{
    private readonly MetricsProbe _probe = new();

    private protected override async Task<ILoginStore> CreateStoreAsync()
    {
        var connection = Own(await RedisTestStores.ConnectAsync(redis));
        Own(_probe);
        // Cached scripts, so that a write (EVALSHA, not awaited) is never retried as EVAL after the
        // read that follows it: commands on one connection are answered in the order sent.
        var server = connection.Multiplexer!.GetServer(connection.Multiplexer.GetEndPoints()[0]);
        await server.ScriptLoadAsync(LoginScripts.ReadText);
        await server.ScriptLoadAsync(LoginScripts.WriteText);
        await server.ScriptLoadAsync(LoginSiteScripts.ReadText);
        await server.ScriptLoadAsync(LoginSiteScripts.WriteText);
        // Its own key prefix isolates each test on the shared server; a long read timeout keeps a
        // busy machine from turning correctness tests into timing tests.
        return Own(new RedisLoginStore(connection, RedisTestStores.UniquePrefix(), TimeSpan.FromSeconds(10),
            new LoginMetrics(_probe.Metrics), Time, NullLogger<RedisLoginStore>.Instance, ownsConnection: false));
    }
}
