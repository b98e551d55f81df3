namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// Distinct counts of the current and the previous period, as the Redis store keeps them in one
/// HyperLogLog key per period. Not thread-safe: the entity record locks around it.
/// </summary>
internal struct PeriodSketch
{
    private long _currentPeriod;
    private HyperLogLog? _current;
    private long _previousPeriod;
    private HyperLogLog? _previous;

    public void Add(long period, ulong member)
    {
        // Members are hashes already, but not necessarily well mixed in every bit (Redis hashes
        // what it is given too); the sketch needs uniform bits.
        member = Mix(member);
        if (_current is null || period > _currentPeriod)
        {
            if (_current is not null && period == _currentPeriod + 1)
            {
                (_previous, _previousPeriod) = (_current, _currentPeriod);
            }
            else if (_current is not null)
            {
                _previous = null;
            }
            (_current, _currentPeriod) = (new HyperLogLog(), period);
        }
        if (period == _currentPeriod)
        {
            _current.Add(member);
        }
        else if (_previous is not null && period == _previousPeriod)
        {
            _previous.Add(member); // a replica whose clock runs slightly behind
        }
    }

    /// <summary>Distinct members of <paramref name="period"/> and the one before.</summary>
    public readonly long Count(long period) =>
        HyperLogLog.CountUnion(InWindow(_current, _currentPeriod, period), InWindow(_previous, _previousPeriod, period));

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    private static HyperLogLog? InWindow(HyperLogLog? sketch, long sketchPeriod, long period) =>
        sketch is not null && (sketchPeriod == period || sketchPeriod == period - 1) ? sketch : null;
}
