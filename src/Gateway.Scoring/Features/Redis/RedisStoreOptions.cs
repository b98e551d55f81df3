namespace Gateway.Scoring.Features.Redis;

/// <summary>
/// Where the shared Redis is, bound from <c>Protection:Features:Redis</c>: one server, or a Redis
/// Cluster. Every gateway replica pointed at the same Redis shares the behavioural counters (and
/// any other state kept there). Without endpoints (and without <c>ConnectionStrings:Redis</c>) the
/// gateway keeps its counters in process.
/// </summary>
public sealed class RedisStoreOptions
{
    public const string SectionName = FeatureStoreOptions.SectionName + ":Redis";

    /// <summary>
    /// <c>host:port</c> (or <c>host</c>, port 6379; IPv6 as <c>[addr]:port</c>) of the Redis server,
    /// or of several masters of a Redis Cluster. For a cluster one reachable node is enough, the
    /// client discovers the others and follows slots as they move; listing every master lets the
    /// gateway connect when some are down. Default: none.
    /// </summary>
    public List<string> Endpoints { get; set; } = [];

    /// <summary>Password (<c>requirepass</c>). Default none. Pass it through the environment
    /// (<c>Protection__Features__Redis__Password</c>) rather than a file; it is never logged.</summary>
    public string? Password { get; set; }

    /// <summary>TLS to Redis. Default false.</summary>
    public bool Ssl { get; set; }

    /// <summary>
    /// How long one connection attempt may take, in milliseconds. Default 5000. The gateway never
    /// waits for it: it connects in the background and serves from memory until Redis answers.
    /// </summary>
    public int ConnectTimeoutMilliseconds { get; set; } = 5000;
}
