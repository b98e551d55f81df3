namespace Gateway.LoadTests.Engine;

/// <summary>
/// When each request of the open model is meant to go: request i at start + i / rate, fixed in
/// advance. Latency is measured from this planned time, never from when the request actually went
/// out, so a target that stalls cannot hide the requests that queued behind the stall
/// (coordinated omission).
/// </summary>
internal readonly struct OpenSchedule
{
    private readonly long _start;
    private readonly double _ticksPerRequest;

    /// <param name="rate">Requests per second, &gt; 0.</param>
    /// <param name="ticksPerSecond">Frequency of the clock the start and the results are in.</param>
    public OpenSchedule(long start, double rate, long ticksPerSecond)
    {
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be a positive number of requests per second.");
        }
        _start = start;
        _ticksPerRequest = ticksPerSecond / rate;
    }

    /// <summary>Computed from the index alone (not by adding intervals), so rounding never accumulates.</summary>
    public long IntendedTimestamp(long index) => _start + (long)Math.Round(index * _ticksPerRequest);

    /// <summary>The first index planned at or after <paramref name="timestamp"/>.</summary>
    public long FirstIndexAtOrAfter(long timestamp)
    {
        if (timestamp <= _start)
        {
            return 0;
        }
        var index = (long)Math.Floor((timestamp - _start) / _ticksPerRequest);
        while (index > 0 && IntendedTimestamp(index - 1) >= timestamp)
        {
            index--;
        }
        while (IntendedTimestamp(index) < timestamp)
        {
            index++;
        }
        return index;
    }
}
