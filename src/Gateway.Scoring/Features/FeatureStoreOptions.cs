using Gateway.Scoring.Features.Redis;

namespace Gateway.Scoring.Features;

/// <summary>Settings of the behavioural feature store, bound from <c>Protection:Features</c>.</summary>
public sealed class FeatureStoreOptions
{
    public const string SectionName = "Protection:Features";

    /// <summary>
    /// First part of every Redis key (<c>{prefix}:{client}:m:{minute}</c>), so that several
    /// gateways or environments can share one Redis. Default <c>gw</c>. No braces or spaces.
    /// </summary>
    public string KeyPrefix { get; set; } = "gw";

    /// <summary>How long reads and writes stay on the in-process store after Redis failed. Default 5.</summary>
    public int BreakDurationSeconds { get; set; } = 5;

    /// <summary>
    /// Consecutive failed Redis reads (errors or timeouts) that open the circuit. Default 3: one slow
    /// read should not switch every replica to its local view, a dead Redis still costs only three reads.
    /// </summary>
    public int FailuresBeforeBreaking { get; set; } = 3;

    /// <summary>
    /// Redis read deadline in milliseconds, separate from the request's latency budget: it decides
    /// when a read counts as a Redis failure for the circuit breaker. Default 250. The decision
    /// never waits for it (it stops at the policy's budget, 20 ms by default, and decides without
    /// the read); this only judges Redis's health. It is well above the budget on purpose: when the
    /// gateway's own CPU is saturated, every answer is late because its continuation waits for a
    /// thread, and a deadline near the budget (it was 50 ms) opened the circuit under load while
    /// Redis was fine. A Redis that is down fails at once (not connected); this catches a hung one,
    /// whose concurrent reads all time out together, so the circuit still opens within about this long.
    /// </summary>
    public int ReadTimeoutMilliseconds { get; set; } = 250;

    /// <summary>
    /// Clients the in-process store tracks at most (about 0.5 KB each, plus their paths); the least
    /// recently seen are evicted beyond it. Default 100000.
    /// </summary>
    public int MaxTrackedClients { get; set; } = 100_000;

    /// <summary>
    /// Distinct paths the in-process store remembers per client over 10 minutes (24 bytes each);
    /// the count saturates there. Scanners are obvious long before it. Default 256.
    /// </summary>
    public int MaxDistinctPathsPerClient { get; set; } = 256;

    /// <summary>The shared Redis (one server or a cluster); see <see cref="RedisStoreOptions"/>. Default: none.</summary>
    public RedisStoreOptions Redis { get; set; } = new();

    internal TimeSpan BreakDuration => TimeSpan.FromSeconds(BreakDurationSeconds);

    internal TimeSpan ReadTimeout => TimeSpan.FromMilliseconds(ReadTimeoutMilliseconds);
}
