namespace Gateway.Scoring.Login;

/// <summary>
/// Login counters per entity, shared by replicas through Redis or kept in-process. Implementations:
/// <c>Redis/RedisLoginStore</c> and <c>InProcess/InProcessLoginStore</c>, held to one conformance suite.
/// </summary>
public interface ILoginStore
{
    /// <summary>Everything known about one entity, in one round trip.</summary>
    /// <exception cref="Features.FeatureStoreUnavailableException">The backing store failed.</exception>
    ValueTask<LoginEntityState> ReadAsync(LoginEntity entity, LoginReadContext context, CancellationToken cancellationToken);

    /// <summary>Learns one attempt. Never waits for the store and never throws.</summary>
    void Record(LoginEntity entity, in LoginObservation observation);
}
