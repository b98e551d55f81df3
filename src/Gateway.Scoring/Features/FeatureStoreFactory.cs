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
    /// The in-process store when no Redis connection string is given; otherwise Redis behind a
    /// circuit breaker with the in-process store as fallback. Returns at once: Redis connects in the
    /// background and the fallback answers until it does.
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
        FeatureStoreOptionsValidator.Validate(options, redisConnectionString, errors);
        errors.ThrowIfAny();

        var inProcess = new InProcessFeatureStore(options, time);
        if (string.IsNullOrWhiteSpace(redisConnectionString))
        {
            return inProcess;
        }
        var connection = RedisConnection.Start(redisConnectionString, loggerFactory.CreateLogger<RedisConnection>());
        var redis = new RedisFeatureStore(connection, options, metrics, time, loggerFactory.CreateLogger<RedisFeatureStore>());
        return new ResilientFeatureStore(redis, inProcess, options, metrics, time, loggerFactory.CreateLogger<ResilientFeatureStore>());
    }
}
