namespace Gateway.Scoring.Features;

/// <summary>
/// A feature store as the host holds it: the store itself, its status for readiness probes, and
/// the connections it owns (disposed with the host).
/// </summary>
internal interface IFeatureStoreBackend : IFeatureStore, IDisposable
{
    FeatureStoreStatus Status { get; }
}
