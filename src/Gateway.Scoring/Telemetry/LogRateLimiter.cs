namespace Gateway.Scoring.Telemetry;

/// <summary>
/// Lets at most <c>perSecond</c> log lines through each second and counts the rest, so a flood of
/// blocked requests cannot turn into a flood of log lines (console and file sinks are slow and take
/// the proxy's CPU exactly when it is under attack). Metrics still count every decision.
/// Thread-safe and allocation-free.
/// </summary>
internal sealed class LogRateLimiter(int perSecond, TimeProvider time)
{
    private long _second = long.MinValue;
    private int _used;
    private long _suppressed;
    private readonly Lock _gate = new();

    /// <returns>True when this line may be written; <paramref name="suppressedBefore"/> is how many were
    /// dropped since the last line that was written (to be mentioned in it).</returns>
    public bool TryAcquire(out long suppressedBefore)
    {
        suppressedBefore = 0;
        var second = time.GetTimestamp() / time.TimestampFrequency;
        if (Volatile.Read(ref _second) != second)
        {
            lock (_gate)
            {
                if (_second != second)
                {
                    _second = second;
                    _used = 0;
                }
            }
        }
        if (Interlocked.Increment(ref _used) <= perSecond)
        {
            suppressedBefore = Interlocked.Exchange(ref _suppressed, 0);
            return true;
        }
        Interlocked.Increment(ref _suppressed);
        return false;
    }
}
