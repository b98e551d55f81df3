using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// One multiplexer, connected in the background so that the gateway starts (and serves from its
/// in-process store) while Redis is down; the multiplexer then reconnects by itself. Works against
/// one server or a Redis Cluster (the client discovers the masters and follows MOVED and ASK).
/// </summary>
/// <remarks>
/// The host makes one per process from <c>Protection:Features:Redis</c> and shares it
/// (<see cref="Pipeline.ProtectionRuntime.Redis"/>) with every store that keeps shared state in Redis.
/// Such a store must keep each entity's keys in one cluster slot (a <c>{hash tag}</c> per entity,
/// as <see cref="RedisKeys"/> does), pass every key a script touches in KEYS, queue fire-and-forget
/// writes through <see cref="WriteBatch"/> (not <c>CreateBatch</c>: 1.2.6 drops batched commands
/// on a cluster redirect), and fail over to something local through its own breaker when Redis fails.
/// </remarks>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly ILogger _logger;
    private ConnectionMultiplexer? _multiplexer;
    private IDatabase? _database;
    private int _disposed;
    private bool _isCluster;

    private RedisConnection(ConfigurationOptions options, ILogger logger)
    {
        _logger = logger;
        // Task.Run: the first attempt may resolve names and wait for connectTimeout synchronously.
        Started = Task.Run(() => ConnectAsync(options));
    }

    /// <summary>Completes when the first connection attempt is over, whether or not it succeeded.</summary>
    public Task Started { get; }

    /// <summary>Null until the first attempt is over.</summary>
    public IDatabase? Database => Volatile.Read(ref _database);

    public ConnectionMultiplexer? Multiplexer => Volatile.Read(ref _multiplexer);

    public bool IsConnected => Multiplexer?.IsConnected == true;

    /// <summary>Whether Redis is a Redis Cluster rather than one server (learnt at connect, checked again on every reconnect).</summary>
    public bool IsCluster => Volatile.Read(ref _isCluster);

    /// <summary>
    /// Where to queue one operation's fire-and-forget writes; <see cref="Send"/> them after. On one
    /// server a batch, which keeps them together on the socket. On a cluster the database itself:
    /// StackExchange.Redis 1.2.6 silently drops a fire-and-forget command of a batch that the server
    /// redirects (MOVED, ASK, while a slot moves), so there each write goes on its own, still pipelined.
    /// </summary>
    public IDatabaseAsync WriteBatch(IDatabase database) => IsCluster ? database : database.CreateBatch();

    /// <summary>Sends what was queued on a <see cref="WriteBatch"/>.</summary>
    public static void Send(IDatabaseAsync writes) => (writes as IBatch)?.Execute();

    /// <exception cref="ArgumentException">The connection string is malformed (validation reports it first).</exception>
    public static RedisConnection Start(string connectionString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Otherwise a gateway started while Redis is down would fail to start instead of falling back.
        options.AbortOnConnectFail = false;
        return new RedisConnection(options, logger);
    }

    /// <param name="options">Validated options (<see cref="RedisConnectionSettings.Resolve"/>); connecting does not wait for Redis.</param>
    public static RedisConnection Start(ConfigurationOptions options, ILogger logger)
    {
        options.AbortOnConnectFail = false;
        return new RedisConnection(options, logger);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Multiplexer?.Dispose();
        }
    }

    private async Task ConnectAsync(ConfigurationOptions options)
    {
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            multiplexer.ConnectionFailed += OnConnectionFailed;
            multiplexer.ConnectionRestored += OnConnectionRestored;
            Volatile.Write(ref _isCluster, IsClusterTopology(multiplexer));
            Volatile.Write(ref _multiplexer, multiplexer);
            Volatile.Write(ref _database, multiplexer.GetDatabase());
            if (Volatile.Read(ref _disposed) == 1)
            {
                multiplexer.Dispose();
                return;
            }
            if (!multiplexer.IsConnected)
            {
                Log.NotConnectedAtStart(_logger);
            }
            else
            {
                LogTopology(multiplexer);
            }
        }
        catch (Exception ex)
        {
            // With abortConnect=false this means a configuration the client rejects; reads fail
            // (and fall back) rather than taking the gateway down.
            Log.ConnectFailed(_logger, ex);
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e) =>
        Log.ConnectionLost(_logger, e.EndPoint?.ToString(), e.ConnectionType, e.FailureType, e.Exception);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        Log.ConnectionRestored(_logger, e.EndPoint?.ToString(), e.ConnectionType);
        // A gateway started while Redis was down learns here what it is talking to.
        if (sender is ConnectionMultiplexer multiplexer)
        {
            Volatile.Write(ref _isCluster, IsClusterTopology(multiplexer));
        }
    }

    private static bool IsClusterTopology(ConnectionMultiplexer multiplexer)
    {
        foreach (var endPoint in multiplexer.GetEndPoints())
        {
            var server = multiplexer.GetServer(endPoint);
            if (server.IsConnected && server.ServerType == ServerType.Cluster)
            {
                return true;
            }
        }
        return false;
    }

    private void LogTopology(ConnectionMultiplexer multiplexer)
    {
        var masters = 0;
        foreach (var endPoint in multiplexer.GetEndPoints())
        {
            var server = multiplexer.GetServer(endPoint);
            masters += server.IsConnected && !server.IsSlave ? 1 : 0;
        }
        Log.Connected(_logger, IsCluster ? "Redis Cluster" : "a single Redis server", masters);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Redis is not reachable at start; the feature store serves from memory and keeps reconnecting.")]
        public static partial void NotConnectedAtStart(ILogger logger);

        [LoggerMessage(2, LogLevel.Error, "Redis connection could not be set up; the feature store serves from memory.")]
        public static partial void ConnectFailed(ILogger logger, Exception exception);

        [LoggerMessage(5, LogLevel.Information, "Redis connected: {Topology}, {Masters} master(s) reachable.")]
        public static partial void Connected(ILogger logger, string topology, int masters);

        [LoggerMessage(3, LogLevel.Warning, "Redis connection to {EndPoint} ({ConnectionType}) lost: {FailureType}.")]
        public static partial void ConnectionLost(ILogger logger, string? endPoint, ConnectionType connectionType, ConnectionFailureType failureType, Exception? exception);

        [LoggerMessage(4, LogLevel.Information, "Redis connection to {EndPoint} ({ConnectionType}) restored.")]
        public static partial void ConnectionRestored(ILogger logger, string? endPoint, ConnectionType connectionType);
    }
}
