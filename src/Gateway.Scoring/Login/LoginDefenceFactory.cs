using System.Collections.Frozen;
using System.Security.Cryptography;
using Gateway.Scoring.Features;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Login.Device;
using Gateway.Scoring.Login.InProcess;
using Gateway.Scoring.Login.Redis;
using Gateway.Scoring.Login.Resilience;
using Gateway.Scoring.Reputation;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Scoring.Login;

/// <summary>Builds the login defence from validated options (see <see cref="LoginOptionsValidator"/>).</summary>
internal static partial class LoginDefenceFactory
{
    /// <param name="redisOptions">The validated Redis settings (<c>Protection:Features:Redis</c> or
    /// <c>ConnectionStrings:Redis</c>, one server or a cluster); null without Redis.</param>
    /// <returns>Null when no login profile is configured: no route pays anything.</returns>
    public static LoginDefence? Create(
        LoginOptions options,
        FeatureStoreOptions storeOptions,
        ConfigurationOptions? redisOptions,
        IReputationLookup reputation,
        ProtectionMetrics protectionMetrics,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        if (options.Profiles.Count == 0)
        {
            return null;
        }
        var logger = loggerFactory.CreateLogger(typeof(LoginDefence));
        var metrics = new LoginMetrics(protectionMetrics);
        var key = string.IsNullOrEmpty(options.UsernameKey) ? null : LoginOptionsValidator.DecodeKey(options.UsernameKey);
        var useRedis = redisOptions is not null;
        if (key is null)
        {
            key = RandomNumberGenerator.GetBytes(32);
            if (useRedis)
            {
                Log.RandomKeyWithRedis(logger);
            }
        }
        var profiles = new Dictionary<string, LoginProfile>(StringComparer.OrdinalIgnoreCase);
        var sites = new Dictionary<string, LoginSurge>(StringComparer.Ordinal);
        foreach (var (name, profile) in options.Profiles)
        {
            // Profiles of one site share one attack state (the validator checked their settings agree).
            var site = profile.Surge.Site ?? name;
            if (!sites.TryGetValue(site, out var surge))
            {
                sites[site] = surge = new LoginSurge(site, profile.Surge, metrics);
            }
            profiles[name] = new LoginProfile(name, profile, surge);
        }

        var inProcess = new InProcessLoginStore(options.MaxTrackedEntities, time);
        ILoginStoreBackend store = inProcess;
        if (useRedis)
        {
            // A multiplexer of its own: login traffic never queues behind the feature store's writes.
            var connection = RedisConnection.Start(redisOptions!, loggerFactory.CreateLogger<RedisConnection>());
            var redis = new RedisLoginStore(connection, storeOptions.KeyPrefix, storeOptions.ReadTimeout, metrics, time,
                loggerFactory.CreateLogger<RedisLoginStore>());
            store = new ResilientLoginStore(redis, inProcess, storeOptions.BreakDuration, storeOptions.FailuresBeforeBreaking, metrics, time);
        }
        return new LoginDefence(
            profiles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            store,
            new UsernameHasher(key),
            (options.HostingAsns ?? [.. HostingAsns.Default]).ToFrozenSet(),
            AnonymizerMask(reputation),
            options.Device is { Enabled: true } device ? new DeviceCookies(device, key, time) : null,
            metrics,
            protectionMetrics);
    }

    /// <summary>Reputation lists of category <c>anonymizers</c> (Tor exits): a prior, like hosting networks.</summary>
    private static ulong AnonymizerMask(IReputationLookup reputation)
    {
        ulong mask = 0;
        var lists = reputation.Lists;
        for (var i = 0; i < lists.Count && i < 64; i++)
        {
            if (string.Equals(lists[i].Category, "anonymizers", StringComparison.OrdinalIgnoreCase))
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Protection:Login:UsernameKey is not set: usernames are hashed with a random key of this process, so replicas sharing Redis do not share per-username counters. Set the same key on every replica.")]
        public static partial void RandomKeyWithRedis(ILogger logger);
    }
}
