namespace Gateway.Scoring.Features.InProcess;

/// <summary>
/// Behavioural features kept in this process: the default without Redis and the fallback while
/// Redis is down. Exact within its caps (tracked clients, distinct paths per client); a write or a
/// read of a known client allocates nothing.
/// </summary>
internal sealed class InProcessFeatureStore(FeatureStoreOptions options, TimeProvider time) : IFeatureStoreBackend
{
    private readonly ClientTable _clients = new(options.MaxTrackedClients, options.MaxDistinctPathsPerClient);

    public int TrackedClients => _clients.Count;

    internal ClientTable Clients => _clients;

    public FeatureStoreStatus Status => new(FeatureStoreStatus.InProcessBackend, RedisConnected: null, Circuit: null);

    public BehaviourFeatures Read(BehaviourKey key)
    {
        // Reading an unknown client must not start tracking it: reads would then fill the table.
        var window = _clients.Find(ClientTag.For(key.ClientIp));
        return window is null ? BehaviourFeatures.Empty : window.Read(Now());
    }

    public ValueTask<BehaviourFeatures> ReadAsync(BehaviourKey key, CancellationToken cancellationToken) =>
        new(Read(key));

    public void RecordRequest(BehaviourKey key, string path)
    {
        var now = Now();
        _clients.GetOrAdd(ClientTag.For(key.ClientIp), now.Second).RecordRequest(now, PathHash.Of(path.AsSpan()));
    }

    public void RecordResponse(BehaviourKey key, int statusCode)
    {
        if (statusCode is < FeatureWindows.LowestStatusCode or > FeatureWindows.HighestStatusCode)
        {
            return;
        }
        var now = Now();
        _clients.GetOrAdd(ClientTag.For(key.ClientIp), now.Second).RecordResponse(now, statusCode);
    }

    public void Dispose()
    {
    }

    private BucketIds Now() => BucketIds.At(time.GetUtcNow());
}
