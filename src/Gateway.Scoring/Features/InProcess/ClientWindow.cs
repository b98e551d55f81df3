namespace Gateway.Scoring.Features.InProcess;

/// <summary>
/// Sliding-window counters of one client: three rings of buckets and the distinct paths of the
/// last 10 minutes. A lock per client keeps a ring's recycle-then-count consistent; contention
/// only arises between requests of the same client.
/// </summary>
internal sealed class ClientWindow(int maxDistinctPaths, long createdSecond)
{
    private readonly Lock _gate = new();
    private readonly CounterSlot[] _seconds = new CounterSlot[FeatureWindows.SecondBuckets];
    private readonly CounterSlot[] _tenSeconds = new CounterSlot[FeatureWindows.TenSecondBuckets];
    private readonly MinuteSlot[] _minutes = new MinuteSlot[FeatureWindows.MinuteBuckets];
    private readonly DistinctPaths _paths = new(maxDistinctPaths);
    // Seen from creation on: a sweep running between creation and the first count must not take
    // the newest client for the oldest.
    private long _lastSeenSecond = createdSecond;

    /// <summary>Read without the lock by eviction, which only needs an approximate age.</summary>
    public long LastSeenSecond => Volatile.Read(ref _lastSeenSecond);

    public void RecordRequest(BucketIds now, ulong pathHash)
    {
        lock (_gate)
        {
            Touch(now);
            var second = SlotIndex(_seconds, now.Second);
            var tenSeconds = SlotIndex(_tenSeconds, now.TenSeconds);
            var minute = MinuteSlotIndex(now.Minute);
            if (second >= 0)
            {
                _seconds[second].Count++;
            }
            if (tenSeconds >= 0)
            {
                _tenSeconds[tenSeconds].Count++;
            }
            if (minute >= 0)
            {
                _minutes[minute].Requests++;
                _paths.Observe(pathHash, now.Minute, _minutes);
            }
        }
    }

    public void RecordResponse(BucketIds now, int statusCode)
    {
        lock (_gate)
        {
            Touch(now);
            var minute = MinuteSlotIndex(now.Minute);
            if (minute < 0)
            {
                return;
            }
            ref var slot = ref _minutes[minute];
            slot.Responses++;
            if (statusCode >= 500)
            {
                slot.ServerErrors++;
            }
            else if (statusCode >= 400)
            {
                slot.ClientErrors++;
            }
        }
    }

    public BehaviourFeatures Read(BucketIds now)
    {
        lock (_gate)
        {
            long requests = 0, responses = 0, clientErrors = 0, serverErrors = 0, distinctPaths = 0;
            foreach (ref readonly var slot in _minutes.AsSpan())
            {
                if (InWindow(slot.Bucket, now.Minute, FeatureWindows.MinuteBuckets))
                {
                    requests += slot.Requests;
                    responses += slot.Responses;
                    clientErrors += slot.ClientErrors;
                    serverErrors += slot.ServerErrors;
                    distinctPaths += slot.PathsLastSeenHere;
                }
            }
            return new BehaviourFeatures(
                Saturate(Sum(_seconds, now.Second)),
                Saturate(Sum(_tenSeconds, now.TenSeconds)),
                Saturate(requests),
                Saturate(distinctPaths),
                Saturate(responses),
                Saturate(clientErrors),
                Saturate(serverErrors));
        }
    }

    private void Touch(BucketIds now)
    {
        if (now.Second > _lastSeenSecond)
        {
            Volatile.Write(ref _lastSeenSecond, now.Second);
        }
    }

    /// <summary>
    /// The ring slot for <paramref name="bucket"/>, recycled if it still holds an older bucket;
    /// -1 if it already holds a newer one (the clock went back by more than the ring): such a late
    /// count is dropped rather than wiping newer counts.
    /// </summary>
    private static int SlotIndex(CounterSlot[] ring, long bucket)
    {
        var index = (int)(bucket % ring.Length);
        ref var slot = ref ring[index];
        if (slot.Bucket == bucket)
        {
            return index;
        }
        if (slot.Bucket > bucket)
        {
            return -1;
        }
        slot = new CounterSlot { Bucket = bucket };
        return index;
    }

    private int MinuteSlotIndex(long minute)
    {
        var index = (int)(minute % _minutes.Length);
        ref var slot = ref _minutes[index];
        if (slot.Bucket == minute)
        {
            return index;
        }
        if (slot.Bucket > minute)
        {
            return -1;
        }
        slot = new MinuteSlot { Bucket = minute };
        return index;
    }

    private static long Sum(CounterSlot[] ring, long current)
    {
        long total = 0;
        foreach (ref readonly var slot in ring.AsSpan())
        {
            if (InWindow(slot.Bucket, current, ring.Length))
            {
                total += slot.Count;
            }
        }
        return total;
    }

    internal static bool InWindow(long bucket, long current, int buckets) =>
        bucket <= current && bucket > current - buckets;

    private static int Saturate(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
