using System.Globalization;
using Gateway.Scoring.Features.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// Makes each challenge token redeemable once. With Redis, <c>SET {prefix}:challenge:used:{id} 1 NX PX ttl</c>
/// so that every replica sees every redemption; without it, or while it is unreachable, an
/// in-process set with the same expiry (counted in <c>protection.challenge.replay_fallback</c>:
/// a replay on another replica would then go unseen). It never fails the request.
/// </summary>
internal sealed partial class ReplayGuard(
    RedisConnection? redis, string keyPrefix, InProcessReplaySet local, ChallengeMetrics metrics, TimeProvider time, ILogger logger)
{
    /// <summary>Redis deadline: a redemption is a user waiting on a redirect, but Redis should answer in a millisecond.</summary>
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromMilliseconds(250);

    /// <returns>True the first time an id is redeemed; false for a replay.</returns>
    public async ValueTask<bool> TryConsumeAsync(UInt128 id, DateTimeOffset expiresAt)
    {
        if (redis is not null)
        {
            var database = redis.Database;
            if (database is not null && redis.IsConnected)
            {
                try
                {
                    var ttl = expiresAt - time.GetUtcNow();
                    if (ttl < TimeSpan.FromSeconds(1))
                    {
                        ttl = TimeSpan.FromSeconds(1);
                    }
                    return await database.StringSetAsync(Key(id), 1, ttl, When.NotExists)
                        .WaitAsync(RedisTimeout, time).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Log.RedisFailed(logger, ex);
                }
            }
            metrics.ReplayFallback("redis");
        }
        var fresh = local.TryConsume(id, expiresAt, out var full);
        if (full)
        {
            metrics.ReplayFallback("full");
        }
        return fresh;
    }

    internal string Key(UInt128 id) =>
        $"{keyPrefix}:challenge:used:{id.ToString("x32", CultureInfo.InvariantCulture)}";

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Challenge single-use check could not reach Redis; checked in this process only")]
        public static partial void RedisFailed(ILogger logger, Exception exception);
    }
}
