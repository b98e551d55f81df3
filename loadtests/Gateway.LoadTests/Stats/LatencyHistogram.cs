namespace Gateway.LoadTests.Stats;

/// <summary>
/// A log-linear histogram of non-negative integer values (HdrHistogram's layout, written small):
/// values below 2^<c>SubBucketBits</c> each have their own bucket and are exact; above that, each
/// power of two is split into 2^(<c>SubBucketBits</c>−1) equal buckets, so a value is known to
/// within 1/2^(<c>SubBucketBits</c>−1) of itself. Memory is fixed at construction, recording is
/// lock-free and safe from any number of threads, and percentiles follow the nearest-rank rule.
/// </summary>
internal sealed class LatencyHistogram
{
    private readonly long[] _counts;
    private readonly int _subBucketBits;
    private readonly long _linearLimit;
    private readonly long _highestTrackable;
    private long _total;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max;

    /// <param name="highestTrackableValue">Larger values land in the top bucket; <see cref="Max"/> stays exact.</param>
    /// <param name="subBucketBits">Precision: 11 gives exact values below 2048 and ≤ 1/1024 relative error above.</param>
    public LatencyHistogram(long highestTrackableValue, int subBucketBits = 11)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subBucketBits, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subBucketBits, 20);
        _subBucketBits = subBucketBits;
        _linearLimit = 1L << subBucketBits;
        _highestTrackable = Math.Max(highestTrackableValue, _linearLimit);
        _counts = new long[IndexOf(_highestTrackable, subBucketBits) + 1];
    }

    public long TotalCount => Volatile.Read(ref _total);

    public long Max => Volatile.Read(ref _max);

    public long Min => TotalCount == 0 ? 0 : Volatile.Read(ref _min);

    public double Mean => TotalCount == 0 ? 0 : (double)Volatile.Read(ref _sum) / TotalCount;

    /// <summary>Largest relative error of a reported value above the exact range.</summary>
    public double RelativeResolution => 1.0 / (1L << (_subBucketBits - 1));

    public int SubBucketBits => _subBucketBits;

    public long HighestTrackableValue => _highestTrackable;

    public void Record(long value)
    {
        if (value < 0)
        {
            value = 0;
        }
        Interlocked.Increment(ref _counts[IndexOf(Math.Min(value, _highestTrackable), _subBucketBits)]);
        Interlocked.Increment(ref _total);
        Interlocked.Add(ref _sum, value);
        UpdateMax(value);
        UpdateMin(value);
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest recorded value v such that at least
    /// <paramref name="percentile"/>% of the values are ≤ v, reported as the highest value its
    /// bucket can hold (never above <see cref="Max"/>). Exact for values in the linear range.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        var total = TotalCount;
        if (total == 0)
        {
            return 0;
        }
        var rank = RankFor(percentile, total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                // The top bucket also holds everything clamped into it: only the maximum bounds those.
                return i == _counts.Length - 1 ? Max : Math.Min(HighestEquivalent(i), Max);
            }
        }
        return Max;
    }

    /// <summary>Adds every count of <paramref name="other"/>, which must have the same layout.</summary>
    public void Add(LatencyHistogram other)
    {
        if (other._subBucketBits != _subBucketBits || other._counts.Length != _counts.Length)
        {
            throw new ArgumentException("Histograms differ in layout; only equal layouts can be added.", nameof(other));
        }
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = Volatile.Read(ref other._counts[i]);
            if (count != 0)
            {
                Interlocked.Add(ref _counts[i], count);
            }
        }
        Interlocked.Add(ref _total, other.TotalCount);
        Interlocked.Add(ref _sum, Volatile.Read(ref other._sum));
        if (other.TotalCount > 0)
        {
            UpdateMax(other.Max);
            UpdateMin(other.Min);
        }
    }

    /// <summary>Nearest rank: ⌈p/100 · N⌉, at least 1, at most N.</summary>
    internal static long RankFor(double percentile, long total)
    {
        // Decimal, because in binary floating point 99.9 / 100 · 1000 is a hair above 999.
        var clamped = (decimal)Math.Clamp(percentile, 0, 100);
        var rank = (long)Math.Ceiling(clamped * total / 100m);
        return Math.Clamp(rank, 1, total);
    }

    internal static int IndexOf(long value, int subBucketBits)
    {
        var linearLimit = 1L << subBucketBits;
        if (value < linearLimit)
        {
            return (int)value;
        }
        var magnitude = 63 - (int)long.LeadingZeroCount(value);
        var shift = magnitude - (subBucketBits - 1);
        var half = 1L << (subBucketBits - 1);
        var mantissa = value >> shift;
        return (int)(linearLimit + (shift - 1) * half + (mantissa - half));
    }

    internal long LowestEquivalent(int index)
    {
        if (index < _linearLimit)
        {
            return index;
        }
        var half = 1L << (_subBucketBits - 1);
        var offset = index - _linearLimit;
        var shift = (int)(offset / half) + 1;
        var mantissa = half + offset % half;
        return mantissa << shift;
    }

    internal long HighestEquivalent(int index)
    {
        if (index < _linearLimit)
        {
            return index;
        }
        var shift = (int)((index - _linearLimit) / (1L << (_subBucketBits - 1))) + 1;
        return LowestEquivalent(index) + (1L << shift) - 1;
    }

    private void UpdateMax(long value)
    {
        var current = Volatile.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private void UpdateMin(long value)
    {
        var current = Volatile.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
