using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// One multiplexer, connected in the background so that the gateway starts (and serves from its
/// in-process store) while Redis is down; the multiplexer then reconnects by itself.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private readonly ILogger _logger;
    private ConnectionMultiplexer? _multiplexer;
    private IDatabase? _database;
    private int _disposed;

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

    /// <exception cref="ArgumentException">The connection string is malformed (validation reports it first).</exception>
    public static RedisConnection Start(string connectionString, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Otherwise a gateway started while Redis is down would fail to start instead of falling back.
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

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) =>
        Log.ConnectionRestored(_logger, e.EndPoint?.ToString(), e.ConnectionType);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Redis is not reachable at start; the feature store serves from memory and keeps reconnecting.")]
        public static partial void NotConnectedAtStart(ILogger logger);

        [LoggerMessage(2, LogLevel.Error, "Redis connection could not be set up; the feature store serves from memory.")]
        public static partial void ConnectFailed(ILogger logger, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "Redis connection to {EndPoint} ({ConnectionType}) lost: {FailureType}.")]
        public static partial void ConnectionLost(ILogger logger, string? endPoint, ConnectionType connectionType, ConnectionFailureType failureType, Exception? exception);

        [LoggerMessage(4, LogLevel.Information, "Redis connection to {EndPoint} ({ConnectionType}) restored.")]
        public static partial void ConnectionRestored(ILogger logger, string? endPoint, ConnectionType connectionType);
    }
}
