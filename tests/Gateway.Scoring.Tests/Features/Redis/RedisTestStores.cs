using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Features.Redis;

internal static class RedisTestStores
{
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection (one multiplexer, as one gateway replica has) that is up before the test starts.</summary>
    public static Task<RedisConnection> ConnectAsync(RedisServer redis) => ConnectAsync(redis.ConnectionString);

    /// <inheritdoc cref="ConnectAsync(RedisServer)"/>
    public static Task<RedisConnection> ConnectAsync(RedisCluster cluster) => ConnectAsync(cluster.ConnectionString);

    private static async Task<RedisConnection> ConnectAsync(string connectionString)
    {
        var connection = RedisConnection.Start(connectionString, NullLogger.Instance);
        await connection.Started;
        Assert.True(connection.IsConnected, $"could not connect to Redis at {connectionString}");
        return connection;
    }
}
