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

    /// <summary>A login profile's site-wide counts (<see cref="LoginSurge"/>), in one round trip.</summary>
    /// <param name="profile">The profile's name: letters, digits, <c>-</c>, <c>_</c>, <c>.</c> (checked at startup).</param>
    /// <exception cref="Features.FeatureStoreUnavailableException">The backing store failed.</exception>
    ValueTask<LoginSiteState> ReadSiteAsync(string profile, LoginSiteWindows windows, CancellationToken cancellationToken);

    /// <summary>Learns one attempt into its profile's site-wide counts. Never waits for the store and never throws.</summary>
    void RecordSite(string profile, in LoginSiteObservation observation, LoginSiteWindows windows);
}
