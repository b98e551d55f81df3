using Gateway.Scoring.Configuration;
using Gateway.Scoring.Features.Redis;
using StackExchange.Redis;

namespace Gateway.Scoring.Features;

/// <summary>Checks feature-store settings, reporting every problem with its configuration key.</summary>
internal static class FeatureStoreOptionsValidator
{
    public const string DefaultConnectionStringKey = RedisConnectionSettings.ConnectionStringKey;
    private const int MaxKeyPrefixLength = 64;

    /// <param name="redisConnectionString">A StackExchange.Redis connection string, the alternative to <see cref="FeatureStoreOptions.Redis"/>.</param>
    /// <param name="connectionStringKey">Where the host read the connection string, for messages.</param>
    /// <returns>Redis client options when Redis is configured and valid; otherwise null.</returns>
    public static ConfigurationOptions? Validate(
        FeatureStoreOptions options,
        string? redisConnectionString,
        ConfigurationErrors errors,
        string connectionStringKey = DefaultConnectionStringKey)
    {
        const string section = FeatureStoreOptions.SectionName;
        ValidateKeyPrefix(options.KeyPrefix, errors);
        Range(errors, $"{section}:{nameof(options.BreakDurationSeconds)}", options.BreakDurationSeconds, 1, 3600);
        Range(errors, $"{section}:{nameof(options.FailuresBeforeBreaking)}", options.FailuresBeforeBreaking, 1, 1000);
        Range(errors, $"{section}:{nameof(options.ReadTimeoutMilliseconds)}", options.ReadTimeoutMilliseconds, 1, 10_000);
        Range(errors, $"{section}:{nameof(options.MaxTrackedClients)}", options.MaxTrackedClients, 1, 10_000_000);
        Range(errors, $"{section}:{nameof(options.MaxDistinctPathsPerClient)}", options.MaxDistinctPathsPerClient, 1, 65_536);
        return RedisConnectionSettings.Resolve(options.Redis, redisConnectionString, errors, connectionStringKey);
    }

    private static void ValidateKeyPrefix(string? prefix, ConfigurationErrors errors)
    {
        const string key = FeatureStoreOptions.SectionName + ":" + nameof(FeatureStoreOptions.KeyPrefix);
        if (string.IsNullOrEmpty(prefix))
        {
            errors.Add(key, "must not be empty.");
            return;
        }
        if (prefix.Length > MaxKeyPrefixLength)
        {
            errors.Add(key, $"is {prefix.Length} characters long; at most {MaxKeyPrefixLength} are allowed.");
        }
        foreach (var c in prefix)
        {
            if (c is '{' or '}' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // A brace would become the Redis Cluster hash tag instead of the client.
                errors.Add(key, "must not contain braces, spaces or control characters.");
                return;
            }
        }
    }

    private static void Range(ConfigurationErrors errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(key, $"is {value}; it must be between {min} and {max}.");
        }
    }
}
