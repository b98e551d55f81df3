using System.Globalization;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// Behavioural features in Redis, shared by every gateway replica. Writes are pipelined and
/// fire-and-forget (nothing waits for Redis on the request path); a read is one EVALSHA.
/// </summary>
internal sealed partial class RedisFeatureStore : IFeatureStoreBackend
{
    /// <summary>ARGV of the read script for each second of the minute, built once.</summary>
    private static readonly RedisValue[][] ReadArguments = BuildReadArguments();

    private const int SlotMigrationAttempts = 3;
    private static readonly TimeSpan SlotMigrationRetryDelay = TimeSpan.FromMilliseconds(5);

    private readonly RedisConnection _connection;
    private readonly bool _ownsConnection;
    private readonly string _prefix;
    private readonly TimeSpan _readTimeout;
    private readonly ProtectionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedisFeatureStore(
        RedisConnection connection,
        FeatureStoreOptions options,
        ProtectionMetrics metrics,
        TimeProvider time,
        ILogger<RedisFeatureStore> logger,
        bool ownsConnection = true)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _prefix = options.KeyPrefix;
        _readTimeout = options.ReadTimeout;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public FeatureStoreStatus Status => new(FeatureStoreStatus.RedisBackend, _connection.IsConnected, Circuit: null);

    public ValueTask<BehaviourFeatures> ReadAsync(BehaviourKey key, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<BehaviourFeatures>(cancellationToken);
        }
        var database = _connection.Database;
        if (database is null || !_connection.IsConnected)
        {
            // Fail at once instead of queueing behind a reconnect: the caller has a fallback and a budget.
            _metrics.StoreError("read");
            return ValueTask.FromException<BehaviourFeatures>(new FeatureStoreUnavailableException("Redis is not connected."));
        }
        var now = BucketIds.At(_time.GetUtcNow());
        var keys = RedisKeys.ForRead(_prefix, ClientTag.For(key.ClientIp), now.Minute);
        return new ValueTask<BehaviourFeatures>(ReadCoreAsync(database, keys, ReadArguments[now.SecondOfMinute], cancellationToken));
    }

    public void RecordRequest(BehaviourKey key, string path)
    {
        try
        {
            if (WritableDatabase() is not { } database)
            {
                return;
            }
            var now = BucketIds.At(_time.GetUtcNow());
            var tag = ClientTag.For(key.ClientIp);
            var counters = RedisKeys.Counters(_prefix, tag, now.Minute);
            var paths = RedisKeys.Paths(_prefix, tag, now.Minute);
            var batch = _connection.WriteBatch(database);
            _ = batch.HashIncrementAsync(counters, RedisKeys.Requests, 1, CommandFlags.FireAndForget);
            _ = batch.HashIncrementAsync(counters, RedisKeys.SecondFields[now.SecondOfMinute], 1, CommandFlags.FireAndForget);
            _ = batch.HashIncrementAsync(counters, RedisKeys.TenSecondFields[now.TenSecondsOfMinute], 1, CommandFlags.FireAndForget);
            _ = batch.KeyExpireAsync(counters, RedisKeys.MinuteKeyLifetime, CommandFlags.FireAndForget);
            // The 8-byte hash instead of the path: same value on every replica, bounded size on the wire.
            _ = batch.HyperLogLogAddAsync(paths, unchecked((long)PathHash.Of(path.AsSpan())), CommandFlags.FireAndForget);
            _ = batch.KeyExpireAsync(paths, RedisKeys.MinuteKeyLifetime, CommandFlags.FireAndForget);
            RedisConnection.Send(batch);
        }
        catch (Exception ex)
        {
            // The contract is "never throws": a write lost to Redis costs accuracy, not the request.
            WriteFailed(ex);
        }
    }

    public void RecordResponse(BehaviourKey key, int statusCode)
    {
        if (statusCode is < FeatureWindows.LowestStatusCode or > FeatureWindows.HighestStatusCode)
        {
            return;
        }
        try
        {
            if (WritableDatabase() is not { } database)
            {
                return;
            }
            var now = BucketIds.At(_time.GetUtcNow());
            var counters = RedisKeys.Counters(_prefix, ClientTag.For(key.ClientIp), now.Minute);
            var batch = _connection.WriteBatch(database);
            _ = batch.HashIncrementAsync(counters, RedisKeys.Responses, 1, CommandFlags.FireAndForget);
            if (statusCode >= 400)
            {
                var errorClass = statusCode >= 500 ? RedisKeys.ServerErrors : RedisKeys.ClientErrors;
                _ = batch.HashIncrementAsync(counters, errorClass, 1, CommandFlags.FireAndForget);
            }
            _ = batch.KeyExpireAsync(counters, RedisKeys.MinuteKeyLifetime, CommandFlags.FireAndForget);
            RedisConnection.Send(batch);
        }
        catch (Exception ex)
        {
            WriteFailed(ex);
        }
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    /// <summary>
    /// Fire-and-forget hides failures, so the one detectable case is counted here: no connection,
    /// where the client would silently drop the commands.
    /// </summary>
    private IDatabase? WritableDatabase()
    {
        var database = _connection.Database;
        if (database is null || !_connection.IsConnected)
        {
            _metrics.StoreError("write");
            return null;
        }
        return database;
    }

    private void WriteFailed(Exception exception)
    {
        _metrics.StoreError("write");
        Log.WriteFailed(_logger, exception);
    }

    private async Task<BehaviourFeatures> ReadCoreAsync(
        IDatabase database, RedisKey[] keys, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        var evaluation = EvaluateAsync(database, keys, arguments);
        try
        {
            // 1.2.6 cannot cancel a command; stop waiting for it instead, on our deadline or the caller's.
            var result = await evaluation.WaitAsync(_readTimeout, _time, cancellationToken).ConfigureAwait(false);
            return ToFeatures(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ObserveWhenDone(evaluation);
            throw;
        }
        catch (Exception ex)
        {
            ObserveWhenDone(evaluation);
            _metrics.StoreError("read");
            Log.ReadFailed(_logger, ex);
            var reason = evaluation.IsCompleted ? ex.Message : $"no answer within {_readTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
            throw new FeatureStoreUnavailableException($"Redis feature read failed: {reason}", ex);
        }
    }

    /// <summary>
    /// Redis Cluster refuses a multi-key command with TRYAGAIN while the client's slot is being
    /// resharded and only some of its keys have moved. A client has a few dozen keys at most, so
    /// that state lasts milliseconds: ask again shortly (the read timeout still bounds the wait).
    /// </summary>
    private static async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EvaluateOnceAsync(database, keys, arguments).ConfigureAwait(false);
            }
            catch (RedisServerException ex) when (attempt < SlotMigrationAttempts && ex.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal))
            {
                // Real time on purpose: this paces a network retry, it is not a feature window.
                await Task.Delay(SlotMigrationRetryDelay).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RedisResult> EvaluateOnceAsync(IDatabase database, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await database.ScriptEvaluateAsync(ReadFeaturesScript.Sha1, keys, arguments).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // The server lost its script cache (first use, restart, failover, SCRIPT FLUSH). EVAL
            // runs the text once and caches it again; later reads are EVALSHA again.
            return await database.ScriptEvaluateAsync(ReadFeaturesScript.Text, keys, arguments).ConfigureAwait(false);
        }
    }

    private static BehaviourFeatures ToFeatures(RedisResult result)
    {
        var values = (long[])result;
        if (values.Length != 7)
        {
            throw new InvalidOperationException($"the read script returned {values.Length} values instead of 7");
        }
        return new BehaviourFeatures(
            Saturate(values[0]), Saturate(values[1]), Saturate(values[2]), Saturate(values[3]),
            Saturate(values[4]), Saturate(values[5]), Saturate(values[6]));
    }

    private static int Saturate(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>A read we stopped waiting for may still fail; observe it so it is not reported as unobserved.</summary>
    private static void ObserveWhenDone(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(
                static t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            _ = task.Exception;
        }
    }

    private static RedisValue[][] BuildReadArguments()
    {
        var arguments = new RedisValue[60][];
        for (var second = 0; second < arguments.Length; second++)
        {
            arguments[second] = [second];
        }
        return arguments;
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Debug, "Redis feature read failed.")]
        public static partial void ReadFailed(ILogger logger, Exception exception);

        [LoggerMessage(11, LogLevel.Debug, "Redis feature write failed.")]
        public static partial void WriteFailed(ILogger logger, Exception exception);
    }
}
