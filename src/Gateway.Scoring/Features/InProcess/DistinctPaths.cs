namespace Gateway.Scoring.Features.InProcess;

/// <summary>
/// Exact distinct paths of one client over the 10-minute window, up to a cap. Each path hash
/// remembers the last minute it was seen in, and each minute slot counts the paths last seen
/// there, so a read sums ten numbers instead of merging sets, and a path seen again moves from its
/// old minute to the current one. Not thread-safe: <see cref="ClientWindow"/> holds its lock.
/// </summary>
internal sealed class DistinctPaths(int capacity)
{
    private Dictionary<ulong, long>? _lastSeenMinute;
    private long _prunedInMinute = -1;

    public void Observe(ulong pathHash, long minute, MinuteSlot[] minutes)
    {
        // Most clients never send a path at all beyond the first few; allocate on first use.
        var lastSeen = _lastSeenMinute ??= new Dictionary<ulong, long>(capacity: 4);
        ref var current = ref minutes[minute % minutes.Length];
        if (lastSeen.TryGetValue(pathHash, out var previousMinute))
        {
            if (previousMinute == minute)
            {
                return;
            }
            ref var previous = ref minutes[previousMinute % minutes.Length];
            if (previous.Bucket == previousMinute)
            {
                previous.PathsLastSeenHere--;
            }
            lastSeen[pathHash] = minute;
            current.PathsLastSeenHere++;
            return;
        }
        if (lastSeen.Count >= capacity && !TryMakeRoom(lastSeen, minute))
        {
            return;
        }
        lastSeen.Add(pathHash, minute);
        current.PathsLastSeenHere++;
    }

    /// <summary>
    /// Forgets paths that left the window. At most once per minute: a client at the cap with only
    /// live paths would otherwise pay a full scan on every new path. When nothing can be forgotten,
    /// the count saturates at the cap.
    /// </summary>
    private bool TryMakeRoom(Dictionary<ulong, long> lastSeen, long minute)
    {
        if (_prunedInMinute == minute)
        {
            return false;
        }
        _prunedInMinute = minute;
        var oldestLive = minute - FeatureWindows.MinuteBuckets + 1;
        foreach (var (pathHash, seen) in lastSeen)
        {
            if (seen < oldestLive)
            {
                lastSeen.Remove(pathHash);
            }
        }
        return lastSeen.Count < capacity;
    }
}
