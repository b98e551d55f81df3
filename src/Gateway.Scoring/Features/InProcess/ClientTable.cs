using System.Collections.Concurrent;

namespace Gateway.Scoring.Features.InProcess;

/// <summary>
/// The tracked clients, bounded: past <c>capacity</c> a background sweep drops clients whose
/// windows are empty, then the least recently seen, down to 90 % of the capacity so that sweeps
/// (a pass over every client) stay rare. The request that crosses the cap does not pay for it.
/// </summary>
internal sealed class ClientTable(int capacity, int maxDistinctPathsPerClient)
{
    /// <summary>Ages (seconds since last seen) a client with something left in its windows can have.</summary>
    private const int LiveAges = (FeatureWindows.MinuteBuckets + 1) * 60;

    private readonly ConcurrentDictionary<string, ClientWindow> _clients = new(StringComparer.Ordinal);
    private int _count;
    private int _sweepScheduled;
    private int _sweeps;
    private long _latestSecond;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completed sweeps; lets tests wait for one without sleeping.</summary>
    public int Sweeps => Volatile.Read(ref _sweeps);

    public ClientWindow? Find(string tag) => _clients.TryGetValue(tag, out var window) ? window : null;

    public ClientWindow GetOrAdd(string tag, long nowSecond)
    {
        if (_clients.TryGetValue(tag, out var existing))
        {
            return existing;
        }
        var created = new ClientWindow(maxDistinctPathsPerClient, nowSecond);
        var winner = _clients.GetOrAdd(tag, created);
        if (ReferenceEquals(winner, created) && Interlocked.Increment(ref _count) > capacity)
        {
            ScheduleSweep(nowSecond);
        }
        return winner;
    }

    private void ScheduleSweep(long nowSecond)
    {
        Volatile.Write(ref _latestSecond, nowSecond);
        if (Interlocked.CompareExchange(ref _sweepScheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static table => table.SweepUntilWithinCapacity(), this, preferLocal: false);
        }
    }

    private void SweepUntilWithinCapacity()
    {
        try
        {
            // Clients added while a sweep runs may push the count over again; a few passes catch up.
            for (var pass = 0; pass < 3 && Count > capacity; pass++)
            {
                Sweep(Volatile.Read(ref _latestSecond));
                Interlocked.Increment(ref _sweeps);
            }
        }
        finally
        {
            Volatile.Write(ref _sweepScheduled, 0);
        }
        if (Count > capacity)
        {
            ScheduleSweep(Volatile.Read(ref _latestSecond));
        }
    }

    internal void Sweep(long nowSecond)
    {
        var target = capacity - Math.Max(1, capacity / 10);
        Span<int> clientsByAge = stackalloc int[LiveAges];
        var live = 0;
        foreach (var (tag, window) in _clients)
        {
            var lastSeen = window.LastSeenSecond;
            if (lastSeen / 60 <= (nowSecond / 60) - FeatureWindows.MinuteBuckets)
            {
                Remove(tag, window);
                continue;
            }
            clientsByAge[AgeOf(lastSeen, nowSecond)]++;
            live++;
        }
        var excess = live - target;
        if (excess <= 0)
        {
            return;
        }
        // Oldest first: every client older than the cut-off age, and as many at the cut-off age as still needed.
        var cutoffAge = LiveAges - 1;
        var olderThanCutoff = 0;
        while (cutoffAge > 0 && olderThanCutoff + clientsByAge[cutoffAge] < excess)
        {
            olderThanCutoff += clientsByAge[cutoffAge];
            cutoffAge--;
        }
        var atCutoff = excess - olderThanCutoff;
        foreach (var (tag, window) in _clients)
        {
            var age = AgeOf(window.LastSeenSecond, nowSecond);
            if (age > cutoffAge || (age == cutoffAge && atCutoff-- > 0))
            {
                Remove(tag, window);
            }
        }
    }

    private void Remove(string tag, ClientWindow window)
    {
        // Only if it is still the same window: a client re-added meanwhile keeps its new one. A write
        // racing with the removal of its client is lost, which only happens to the least recent clients.
        if (_clients.TryRemove(KeyValuePair.Create(tag, window)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private static int AgeOf(long lastSeenSecond, long nowSecond) =>
        (int)Math.Clamp(nowSecond - lastSeenSecond, 0, LiveAges - 1);
}
