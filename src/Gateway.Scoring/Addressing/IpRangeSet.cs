namespace Gateway.Scoring.Addressing;

/// <summary>
/// Immutable set of addresses as sorted, disjoint, non-adjacent ranges; membership is a binary
/// search, allocation-free and safe to share between threads.
/// </summary>
internal sealed class IpRangeSet
{
    private readonly IpRange[] _ranges;

    private IpRangeSet(IpRange[] ranges) => _ranges = ranges;

    public static IpRangeSet Empty { get; } = new([]);

    public int Count => _ranges.Length;

    public ReadOnlySpan<IpRange> Ranges => _ranges;

    public static IpRangeSet Create(IEnumerable<IpRange> ranges)
    {
        var sorted = ranges.ToArray();
        Array.Sort(sorted, static (a, b) => a.First.CompareTo(b.First));
        var merged = new List<IpRange>(sorted.Length);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && (merged[^1].Last == UInt128.MaxValue || range.First <= merged[^1].Last + 1))
            {
                var last = merged[^1];
                merged[^1] = last with { Last = UInt128.Max(last.Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }
        return new IpRangeSet([.. merged]);
    }

    public bool Contains(UInt128 key)
    {
        var index = IndexOfLastStartAtOrBefore(key);
        return index >= 0 && key <= _ranges[index].Last;
    }

    /// <summary>True when any address of <paramref name="range"/> is in the set.</summary>
    public bool Overlaps(IpRange range)
    {
        var index = IndexOfLastStartAtOrBefore(range.Last);
        return index >= 0 && _ranges[index].Last >= range.First;
    }

    private int IndexOfLastStartAtOrBefore(UInt128 key)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (_ranges[mid].First <= key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high;
    }
}
