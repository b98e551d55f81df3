using System.Globalization;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Login.Redis;

/// <summary>
/// Login counters in Redis, shared by every replica. A read is one EVALSHA over one entity's keys;
/// a write is one EVALSHA that decays and increments atomically. Writes are not awaited by the
/// request: they run after the response, and a failed one is counted, not thrown.
/// </summary>
internal sealed partial class RedisLoginStore(
    RedisConnection connection,
    string keyPrefix,
    TimeSpan readTimeout,
    LoginMetrics metrics,
    TimeProvider time,
    ILogger<RedisLoginStore> logger,
    bool ownsConnection = true) : ILoginStoreBackend
{
    private static readonly RedisValue ShortHalfLife = (long)LoginWindows.ShortHalfLife.TotalMilliseconds;
    private static readonly RedisValue LongHalfLife = (long)LoginWindows.LongHalfLife.TotalMilliseconds;
    private static readonly RedisValue CounterTtl = (long)LoginWindows.CounterLifetime.TotalMilliseconds;
    private static readonly RedisValue ShortSketchTtl = (long)(2 * LoginWindows.ShortPeriod + TimeSpan.FromMinutes(1)).TotalMilliseconds;
    private static readonly RedisValue LongSketchTtl = (long)(2 * LoginWindows.LongPeriod + TimeSpan.FromMinutes(1)).TotalMilliseconds;
    private static readonly RedisValue LocationTtl = (long)LoginWindows.LocationMemory.TotalMilliseconds;
    private static readonly RedisValue MaxLocations = LoginWindows.MaxLocations;

    public string State => connection.IsConnected ? "redis" : "disconnected";

    public ValueTask<LoginEntityState> ReadAsync(LoginEntity entity, LoginReadContext context, CancellationToken cancellationToken)
    {
        if (ConnectedDatabase("read") is not { } database)
        {
            return ValueTask.FromException<LoginEntityState>(new FeatureStoreUnavailableException("Redis is not connected."));
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var keys = LoginRedisKeys.ForRead(keyPrefix, entity, now);
        RedisValue[] arguments =
        [
            context.Country is null ? RedisValue.EmptyString : LocationFields.Country(context.Country),
            context.Asn == 0 ? RedisValue.EmptyString : LocationFields.Asn(context.Asn),
            context.Subnet is null ? RedisValue.EmptyString : LocationFields.Subnet(context.Subnet),
        ];
        return new ValueTask<LoginEntityState>(ReadCoreAsync(database, keys, arguments, now, cancellationToken));
    }

    /// <summary>The database when connected; otherwise null, counted as a store error of <paramref name="operation"/>.</summary>
    private IDatabase? ConnectedDatabase(string operation)
    {
        var database = connection.Database;
        if (database is null || !connection.IsConnected)
        {
            metrics.StoreError(operation);
            return null;
        }
        return database;
    }

    public void Record(LoginEntity entity, in LoginObservation observation)
    {
        try
        {
            if (ConnectedDatabase("write") is not { } database)
            {
                return;
            }
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var success = observation.Outcome == LoginOutcome.Success;
            RedisValue[] arguments =
            [
                now, ShortHalfLife, LongHalfLife,
                observation.Outcome switch { LoginOutcome.Failure => "f", LoginOutcome.Success => "s", _ => "o" },
                observation.Member == 0 ? RedisValue.EmptyString : unchecked((long)observation.Member),
                CounterTtl, ShortSketchTtl, LongSketchTtl,
                observation.MarkCracked ? "1" : "0",
                success && observation.Country is not null ? LocationFields.Country(observation.Country) : RedisValue.EmptyString,
                success && observation.Asn != 0 ? LocationFields.Asn(observation.Asn) : RedisValue.EmptyString,
                LocationTtl, MaxLocations,
                success && observation.Subnet is not null ? LocationFields.Subnet(observation.Subnet) : RedisValue.EmptyString,
            ];
            _ = WriteAsync(database, LoginRedisKeys.ForWrite(keyPrefix, entity, now), arguments);
        }
        catch (Exception ex)
        {
            WriteFailed(ex);
        }
    }

    public ValueTask<LoginSiteState> ReadSiteAsync(string profile, LoginSiteWindows windows, CancellationToken cancellationToken)
    {
        if (ConnectedDatabase("read") is not { } database)
        {
            return ValueTask.FromException<LoginSiteState>(new FeatureStoreUnavailableException("Redis is not connected."));
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return new ValueTask<LoginSiteState>(ReadSiteCoreAsync(database, LoginRedisKeys.SiteForRead(keyPrefix, profile, now), windows, now, cancellationToken));
    }

    public void RecordSite(string profile, in LoginSiteObservation observation, LoginSiteWindows windows)
    {
        try
        {
            if (ConnectedDatabase("write") is not { } database)
            {
                return;
            }
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var failure = observation.Outcome == LoginOutcome.Failure;
            RedisValue[] arguments =
            [
                now, (long)windows.ShortHalfLife.TotalMilliseconds, (long)windows.BaselineHalfLife.TotalMilliseconds,
                observation.Outcome switch { LoginOutcome.Failure => "f", LoginOutcome.Stopped => "x", _ => "o" },
                failure && observation.Username != 0 ? unchecked((long)observation.Username) : RedisValue.EmptyString,
                observation.LearnBaseline ? "1" : "0",
                (long)windows.CounterLifetime.TotalMilliseconds, ShortSketchTtl,
            ];
            _ = WriteSiteAsync(database, LoginRedisKeys.SiteForWrite(keyPrefix, profile, now), arguments);
        }
        catch (Exception ex)
        {
            WriteFailed(ex);
        }
    }

    public void Dispose()
    {
        if (ownsConnection)
        {
            connection.Dispose();
        }
    }

    private async Task WriteAsync(IDatabase database, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            await EvaluateAsync(database, LoginScripts.WriteSha1, LoginScripts.WriteText, keys, arguments).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            WriteFailed(ex);
        }
    }

    private async Task WriteSiteAsync(IDatabase database, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            await EvaluateAsync(database, LoginSiteScripts.WriteSha1, LoginSiteScripts.WriteText, keys, arguments).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            WriteFailed(ex);
        }
    }

    private async Task<LoginSiteState> ReadSiteCoreAsync(
        IDatabase database, RedisKey[] keys, LoginSiteWindows windows, long now, CancellationToken cancellationToken)
    {
        var evaluation = EvaluateAsync(database, LoginSiteScripts.ReadSha1, LoginSiteScripts.ReadText, keys, []);
        try
        {
            var result = await evaluation.WaitAsync(readTimeout, time, cancellationToken).ConfigureAwait(false);
            return ToSiteState((RedisResult[])result!, windows, now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(evaluation);
            throw;
        }
        catch (Exception ex)
        {
            Observe(evaluation);
            metrics.StoreError("read");
            Log.ReadFailed(logger, ex);
            throw new FeatureStoreUnavailableException($"Redis login read failed: {ex.Message}", ex);
        }
    }

    /// <summary>Decays each window from its own last write to now, exactly as the in-process store does.</summary>
    internal static LoginSiteState ToSiteState(RedisResult[] values, LoginSiteWindows windows, long now)
    {
        if (values.Length != 9)
        {
            throw new InvalidOperationException($"the login site read script returned {values.Length} values instead of 9");
        }
        var shortAt = Number(values[0]);
        var baselineAt = Number(values[4]);
        var s = shortAt == 0 ? 1 : LoginWindows.Decay((long)(now - shortAt), windows.ShortHalfLife);
        var b = baselineAt == 0 ? 1 : LoginWindows.Decay((long)(now - baselineAt), windows.BaselineHalfLife);
        return new LoginSiteState(
            Number(values[1]) * s, Number(values[2]) * s, Number(values[3]) * s,
            Number(values[5]) * b, Number(values[6]) * b, Number(values[7]) * b,
            (long)values[8]);
    }

    private async Task<LoginEntityState> ReadCoreAsync(
        IDatabase database, RedisKey[] keys, RedisValue[] arguments, long now, CancellationToken cancellationToken)
    {
        var evaluation = EvaluateAsync(database, LoginScripts.ReadSha1, LoginScripts.ReadText, keys, arguments);
        try
        {
            var result = await evaluation.WaitAsync(readTimeout, time, cancellationToken).ConfigureAwait(false);
            return ToState((RedisResult[])result!, now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(evaluation);
            throw;
        }
        catch (Exception ex)
        {
            Observe(evaluation);
            metrics.StoreError("read");
            Log.ReadFailed(logger, ex);
            throw new FeatureStoreUnavailableException($"Redis login read failed: {ex.Message}", ex);
        }
    }

    private static async Task<RedisResult> EvaluateAsync(IDatabase database, byte[] sha1, string text, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await database.ScriptEvaluateAsync(sha1, keys, arguments).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // First use, restart or failover emptied the script cache: EVAL caches it again.
            return await database.ScriptEvaluateAsync(text, keys, arguments).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the decay from the last write to now, exactly as the in-process store does.</summary>
    internal static LoginEntityState ToState(RedisResult[] values, long now)
    {
        if (values.Length != 14)
        {
            throw new InvalidOperationException($"the login read script returned {values.Length} values instead of 14");
        }
        var updated = Number(values[0]);
        var elapsed = updated == 0 ? 0 : (long)(now - updated);
        var s = LoginWindows.Decay(elapsed, LoginWindows.ShortHalfLife);
        var l = LoginWindows.Decay(elapsed, LoginWindows.LongHalfLife);
        var crackedAt = Number(values[7]);
        return new LoginEntityState(
            Number(values[1]) * s, Number(values[2]) * s, Number(values[3]) * s,
            Number(values[4]) * l, Number(values[5]) * l, Number(values[6]) * l,
            (long)values[8], (long)values[9],
            crackedAt != 0 && now - crackedAt <= LoginWindows.CrackedMemory.TotalMilliseconds,
            (int)(long)values[10], (long)values[11] == 1, (long)values[12] == 1, (long)values[13] == 1);
    }

    private static double Number(RedisResult value)
    {
        var text = (string?)value;
        return string.IsNullOrEmpty(text) ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private void WriteFailed(Exception exception)
    {
        metrics.StoreError("write");
        Log.WriteFailed(logger, exception);
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Debug, "Redis login read failed.")]
        public static partial void ReadFailed(ILogger logger, Exception exception);

        [LoggerMessage(31, LogLevel.Debug, "Redis login write failed.")]
        public static partial void WriteFailed(ILogger logger, Exception exception);
    }
}
