using Gateway.Scoring.Configuration;
using Gateway.Scoring.Features.InProcess;
using Gateway.Scoring.Features.Redis;
using Gateway.Scoring.Features.Resilience;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Features;

/// <summary>Builds the feature store the configuration asks for.</summary>
internal static class FeatureStoreFactory
{
    /// <summary>
    /// The in-process store when no Redis is configured (neither <paramref name="redisConnectionString"/>
    /// nor <see cref="FeatureStoreOptions.Redis"/>); otherwise Redis behind a circuit breaker with
    /// the in-process store as fallback, on a connection of its own. Returns at once: Redis connects
    /// in the background and the fallback answers until it does.
    /// </summary>
    /// <exception cref="ProtectionConfigurationException">The options are invalid (see <see cref="FeatureStoreOptionsValidator"/>).</exception>
    public static IFeatureStoreBackend Create(
        string? redisConnectionString,
        FeatureStoreOptions options,
        ProtectionMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        var errors = new ConfigurationErrors();
        var redisOptions = FeatureStoreOptionsValidator.Validate(options, redisConnectionString, errors);
        errors.ThrowIfAny();
        var connection = redisOptions is null ? null : RedisConnection.Start(redisOptions, loggerFactory.CreateLogger<RedisConnection>());
        return Create(connection, options, metrics, time, loggerFactory, ownsConnection: true);
    }

    /// <summary>
    /// The store over a connection the caller set up from validated options (null: no Redis). The
    /// host shares one connection among every store that keeps state in Redis, and disposes it
    /// after them.
    /// </summary>
    public static IFeatureStoreBackend Create(
        RedisConnection? connection,
        FeatureStoreOptions options,
        ProtectionMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        bool ownsConnection = false)
    {
        var inProcess = new InProcessFeatureStore(options, time);
        if (connection is null)
        {
            return inProcess;
        }
        var redis = new RedisFeatureStore(connection, options, metrics, time, loggerFactory.CreateLogger<RedisFeatureStore>(), ownsConnection);
        return new ResilientFeatureStore(redis, inProcess, options, metrics, time, loggerFactory.CreateLogger<ResilientFeatureStore>());
    }
}
