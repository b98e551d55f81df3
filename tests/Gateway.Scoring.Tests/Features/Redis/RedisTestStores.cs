using Gateway.Scoring.Features.Redis;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Scoring.Tests.Features.Redis;

internal static class RedisTestStores
{
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A connection (one multiplexer, as one gateway replica has) that is up before the test starts.</summary>
    public static Task<RedisConnection> ConnectAsync(RedisServer redis) => ConnectAsync(redis.ConnectionString);

    /// <inheritdoc cref="ConnectAsync(RedisServer)"/>
    public static Task<RedisConnection> ConnectAsync(RedisCluster cluster) => ConnectAsync(cluster.ConnectionString);

    /// <summary>
    /// Keys matching <paramref name="pattern"/> on one server. <c>IServer.Keys</c> pages through SCAN
    /// with one blocking call per page, ten keys a page by default; on a busy machine one of the many
    /// calls over a shared server's keys could outlast the 1 s sync timeout, so pages are large.
    /// </summary>
    public static List<RedisKey> Keys(IServer server, string pattern) => [.. server.Keys(pattern: pattern, pageSize: 10_000)];

    private static async Task<RedisConnection> ConnectAsync(string connectionString)
    {
        // The tests' own synchronous calls (SCAN for key checks) get a generous timeout: on a busy
        // 2-core machine the client's 1 s default was outlasted now and then. The stores under test
        // only make asynchronous calls, bounded by their own read timeout.
        var connection = RedisConnection.Start(connectionString + ",syncTimeout=10000", NullLogger.Instance);
        await connection.Started;
        Assert.True(connection.IsConnected, $"could not connect to Redis at {connectionString}");
        return connection;
    }
}
