using System.Security.Cryptography;
using Gateway.Scoring.Features.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// When no key is configured but Redis is: every replica offers a fresh random key with
/// <c>SET {prefix}:challenge:key NX</c> and then adopts whatever <c>GET</c> returns, so the first
/// replica's key wins and all of them sign alike. Until Redis answers, the replica signs with its
/// local key (still accepted afterwards). It checks again every minute, so a replica follows if
/// the key was lost (a flushed Redis) and another replica wrote a new one.
/// </summary>
internal sealed partial class ChallengeKeySharing : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(2);

    private readonly RedisConnection _redis;
    private readonly ChallengeKeyRing _ring;
    private readonly string _key;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _adopted;

    public ChallengeKeySharing(RedisConnection redis, ChallengeKeyRing ring, string keyPrefix, TimeProvider time, ILogger logger)
    {
        _redis = redis;
        _ring = ring;
        _key = $"{keyPrefix}:challenge:key";
        _time = time;
        _logger = logger;
        Running = Task.Run(RunAsync);
    }

    /// <summary>Completes after the first exchange with Redis, successful or not.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    internal Task Running { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        try
        {
            await _redis.Started.WaitAsync(stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                var shared = await TryExchangeAsync().ConfigureAwait(false);
                _firstAttempt.TrySetResult();
                await Task.Delay(shared ? RefreshDelay : RetryDelay, _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed with the runtime.
        }
        finally
        {
            _firstAttempt.TrySetResult();
        }
    }

    private async Task<bool> TryExchangeAsync()
    {
        var database = _redis.Database;
        if (database is null || !_redis.IsConnected)
        {
            return false;
        }
        try
        {
            var offer = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await database.StringSetAsync(_key, offer, null, When.NotExists).WaitAsync(RedisTimeout, _time).ConfigureAwait(false);
            var stored = (string?)await database.StringGetAsync(_key).WaitAsync(RedisTimeout, _time).ConfigureAwait(false);
            var master = ChallengeOptionsValidator.DecodeKey(stored);
            if (master is null)
            {
                Log.SharedKeyInvalid(_logger, _key);
                return false;
            }
            if (_adopted is null || !CryptographicOperations.FixedTimeEquals(_adopted, master))
            {
                _ring.Adopt(ChallengeKeys.Derive(master, ChallengeKeySource.Shared));
                Log.SharedKeyAdopted(_logger, _key, _adopted is not null);
                _adopted = master;
            }
            return true;
        }
        catch (Exception ex)
        {
            Log.ExchangeFailed(_logger, _key, ex);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Challenge signing key shared through Redis key {Key} adopted (changed: {Changed})")]
        public static partial void SharedKeyAdopted(ILogger logger, string key, bool changed);

        [LoggerMessage(2, LogLevel.Error, "Redis key {Key} does not hold a base64 challenge key of at least 32 bytes; this replica keeps its own key")]
        public static partial void SharedKeyInvalid(ILogger logger, string key);

        [LoggerMessage(3, LogLevel.Warning, "Challenge signing key could not be shared through Redis key {Key}; this replica signs with its own key until it can")]
        public static partial void ExchangeFailed(ILogger logger, string key, Exception exception);
    }
}
