using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Features.Redis;

internal static class RedisTestStores
{
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection (one multiplexer, as one gateway replica has) that is up before the test starts.</summary>
    public static async Task<RedisConnection> ConnectAsync(RedisServer redis)
    {
        var connection = RedisConnection.Start(redis.ConnectionString, NullLogger.Instance);
        await connection.Started;
        Assert.True(connection.IsConnected, $"could not connect to redis-server on port {redis.Port}");
        return connection;
    }
}
