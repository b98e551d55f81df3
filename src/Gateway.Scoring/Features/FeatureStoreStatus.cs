using Gateway.Scoring.Features.Resilience;

namespace Gateway.Scoring.Features;

/// <summary>What a readiness probe reports about the feature store.</summary>
/// <param name="Backend"><c>in-process</c> or <c>redis</c>.</param>
/// <param name="RedisConnected">Whether the Redis connection is up; null without Redis.</param>
/// <param name="Circuit">Breaker state in front of Redis; null without Redis.</param>
internal readonly record struct FeatureStoreStatus(string Backend, bool? RedisConnected, CircuitState? Circuit)
{
    public const string InProcessBackend = "in-process";
    public const string RedisBackend = "redis";

    /// <summary>True when reads are served by the configured backend rather than a fallback.</summary>
    public bool IsHealthy => Backend == InProcessBackend || (RedisConnected == true && Circuit == CircuitState.Closed);
}
