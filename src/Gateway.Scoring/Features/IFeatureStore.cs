namespace Gateway.Scoring.Features;

/// <summary>
/// Behavioural features kept per client across requests (and, through Redis, across replicas).
/// Implementations: <c>Redis/RedisFeatureStore</c> and <c>InProcess/InProcessFeatureStore</c>,
/// both held to one conformance suite.
/// </summary>
public interface IFeatureStore
{
    /// <summary>Reads every feature of one request in a single round trip.</summary>
    /// <exception cref="FeatureStoreUnavailableException">The backing store failed or is unreachable.</exception>
    ValueTask<BehaviourFeatures> ReadAsync(BehaviourKey key, CancellationToken cancellationToken);

    /// <summary>Counts a request. Never waits for the store and never throws: the response is not delayed by writes.</summary>
    void RecordRequest(BehaviourKey key, string path);

    /// <summary>Learns from the upstream's answer (4xx/5xx ratios). Never waits and never throws.</summary>
    void RecordResponse(BehaviourKey key, int statusCode);
}

/// <param name="ClientIp">Canonical text of the client address (<c>IPAddress.ToString()</c>).</param>
public readonly record struct BehaviourKey(string ClientIp);

/// <summary>
/// Sliding-window counts for one client. Windows are bucketed (10 s in 1 s buckets, 1 min in
/// 10 s buckets, 10 min in 1 min buckets), so a window is exact to one bucket.
/// </summary>
public readonly record struct BehaviourFeatures(
    int Requests10s,
    int Requests1m,
    int Requests10m,
    int DistinctPaths10m,
    int Responses10m,
    int ClientErrors10m,
    int ServerErrors10m)
{
    public static BehaviourFeatures Empty => default;

    /// <summary>Share of the client's recent requests that the upstream answered with 4xx.</summary>
    public double ClientErrorRatio => Responses10m == 0 ? 0 : (double)ClientErrors10m / Responses10m;
}

public sealed class FeatureStoreUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
