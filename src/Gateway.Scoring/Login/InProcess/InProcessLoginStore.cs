using System.Collections.Concurrent;

namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// Login counters in this process: the store without Redis, and the fallback while Redis is down.
/// Bounded: beyond <see cref="LoginOptions.MaxTrackedEntities"/> the entities idle longest go first.
/// </summary>
internal sealed class InProcessLoginStore(int maxEntities, TimeProvider time) : ILoginStoreBackend
{
    private readonly ConcurrentDictionary<LoginEntity, LoginEntityRecord> _records = new();

    /// <summary>One per configured login profile: not bounded, not evicted.</summary>
    private readonly ConcurrentDictionary<string, LoginSiteRecord> _sites = new(StringComparer.Ordinal);
    private int _evicting;

    public string State => "in-process";

    private int _count;

    /// <summary>Tracked entities. Kept apart from the dictionary's own Count, which takes every lock.</summary>
    public int Count => Volatile.Read(ref _count);

    public ValueTask<LoginEntityState> ReadAsync(LoginEntity entity, LoginReadContext context, CancellationToken cancellationToken) =>
        new(Read(entity, context));

    public LoginEntityState Read(LoginEntity entity, LoginReadContext context) =>
        _records.TryGetValue(entity, out var record) ? record.Read(context, Now()) : LoginEntityState.Empty;

    public void Record(LoginEntity entity, in LoginObservation observation)
    {
        if (!_records.TryGetValue(entity, out var record))
        {
            var created = new LoginEntityRecord();
            record = _records.GetOrAdd(entity, created);
            if (ReferenceEquals(record, created))
            {
                Interlocked.Increment(ref _count);
            }
        }
        record.Record(observation, Now());
        if (Volatile.Read(ref _count) > maxEntities)
        {
            Evict();
        }
    }

    public ValueTask<LoginSiteState> ReadSiteAsync(string profile, LoginSiteWindows windows, CancellationToken cancellationToken) =>
        new(ReadSite(profile, windows));

    public LoginSiteState ReadSite(string profile, LoginSiteWindows windows) =>
        _sites.TryGetValue(profile, out var site) ? site.Read(windows, Now()) : LoginSiteState.Empty;

    public void RecordSite(string profile, in LoginSiteObservation observation, LoginSiteWindows windows) =>
        _sites.GetOrAdd(profile, static _ => new LoginSiteRecord()).Record(observation, windows, Now());

    public void Dispose()
    {
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Drops the idlest tenth of the table; one thread at a time, the others carry on.</summary>
    private void Evict()
    {
        if (Interlocked.Exchange(ref _evicting, 1) == 1)
        {
            return;
        }
        try
        {
            var stamps = new List<long>(Count);
            foreach (var (_, record) in _records)
            {
                stamps.Add(record.UpdatedAt);
            }
            stamps.Sort();
            var cutoff = stamps[Math.Min(stamps.Count - 1, Math.Max(0, stamps.Count / 10))];
            foreach (var (key, record) in _records)
            {
                if (record.UpdatedAt <= cutoff && _records.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }
}
