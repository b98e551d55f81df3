using System.Collections.Concurrent;

namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// Login counters in this process: the store without Redis, and the fallback while Redis is down.
/// Bounded: beyond <see cref="LoginOptions.MaxTrackedEntities"/> the entities idle longest go first.
/// </summary>
internal sealed class InProcessLoginStore(int maxEntities, TimeProvider time) : ILoginStoreBackend
{
    private readonly ConcurrentDictionary<string, LoginEntityRecord> _records = new(StringComparer.Ordinal);
    private int _evicting;

    public string State => "in-process";

    public int Count => _records.Count;

    public ValueTask<LoginEntityState> ReadAsync(LoginEntity entity, LoginReadContext context, CancellationToken cancellationToken) =>
        new(Read(entity, context));

    public LoginEntityState Read(LoginEntity entity, LoginReadContext context) =>
        _records.TryGetValue(entity.Tag, out var record) ? record.Read(context, Now()) : LoginEntityState.Empty;

    public void Record(LoginEntity entity, in LoginObservation observation)
    {
        var record = _records.GetOrAdd(entity.Tag, static _ => new LoginEntityRecord());
        record.Record(observation, Now());
        if (_records.Count > maxEntities)
        {
            Evict();
        }
    }

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
            var stamps = new List<long>(_records.Count);
            foreach (var (_, record) in _records)
            {
                stamps.Add(record.UpdatedAt);
            }
            stamps.Sort();
            var cutoff = stamps[Math.Min(stamps.Count - 1, Math.Max(0, stamps.Count / 10))];
            foreach (var (key, record) in _records)
            {
                if (record.UpdatedAt <= cutoff)
                {
                    _records.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }
}
