using System.Collections.Concurrent;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// Token ids already redeemed in this process, each kept until its token expires. Bounded: expired
/// ids are swept as the set grows, and when it is full of live ids a redemption is let through
/// (fail open) rather than refused, which costs the attacker a solved puzzle per try anyway.
/// </summary>
internal sealed class InProcessReplaySet(TimeProvider time, int capacity = InProcessReplaySet.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<UInt128, long> _used = new();
    private readonly Lock _sweepLock = new();
    private long _nextSweepTicks;

    public int Count => _used.Count;

    /// <returns>True when the id was not seen before (and is now recorded); false for a replay.</returns>
    public bool TryConsume(UInt128 id, DateTimeOffset expiresAt, out bool full)
    {
        full = false;
        var now = time.GetUtcNow();
        if (_used.Count >= capacity / 2)
        {
            Sweep(now);
        }
        if (_used.TryGetValue(id, out var existing))
        {
            if (existing > now.UtcTicks)
            {
                return false;
            }
            _used.TryRemove(new KeyValuePair<UInt128, long>(id, existing));
        }
        if (_used.Count >= capacity)
        {
            full = true;
            return true;
        }
        return _used.TryAdd(id, expiresAt.UtcTicks);
    }

    private void Sweep(DateTimeOffset now)
    {
        // At most once a second, and by one thread: a full table of live ids must not turn every
        // redemption into a scan.
        if (now.UtcTicks < Volatile.Read(ref _nextSweepTicks) || !_sweepLock.TryEnter())
        {
            return;
        }
        try
        {
            Volatile.Write(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerSecond);
            foreach (var entry in _used)
            {
                if (entry.Value <= now.UtcTicks)
                {
                    _used.TryRemove(entry);
                }
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }
}
