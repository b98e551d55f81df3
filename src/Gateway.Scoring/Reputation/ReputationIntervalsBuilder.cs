using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Reputation;

/// <summary>
/// Merges every list's entries into <see cref="ReputationIntervals"/> with a sweep over range
/// boundaries. Entries may overlap within a list and across lists. Exempt ranges are subtracted
/// here, once, rather than checked on every lookup: the hot path stays one binary search, and a
/// list entry that straddles an exempt range (firehol's 224.0.0.0/3, say) is cut exactly.
/// </summary>
internal sealed class ReputationIntervalsBuilder
{
    private const int Exempt = -1;

    private readonly List<Boundary> _boundaries = [];

    public void Add(IpRange range, int list) => AddBoundaries(range, list);

    public ReputationIntervals Build(IpRangeSet exempt)
    {
        foreach (var range in exempt.Ranges)
        {
            AddBoundaries(range, Exempt);
        }
        var boundaries = _boundaries.ToArray();
        Array.Sort(boundaries, static (a, b) => a.Key.CompareTo(b.Key));

        // Per-list counts, because a list's own entries may overlap and a bit clears only when the last one ends.
        Span<int> open = stackalloc int[ReputationOptionsValidator.MaxLists];
        var openExempt = 0;
        ulong mask = 0;
        var starts = new List<UInt128>();
        var ends = new List<UInt128>();
        var masks = new List<ulong>();
        var i = 0;
        while (i < boundaries.Length)
        {
            var start = boundaries[i].Key;
            for (; i < boundaries.Length && boundaries[i].Key == start; i++)
            {
                var (_, list, delta) = boundaries[i];
                if (list == Exempt)
                {
                    openExempt += delta;
                    continue;
                }
                open[list] += delta;
                mask = open[list] > 0 ? mask | (1UL << list) : mask & ~(1UL << list);
            }
            if (mask == 0 || openExempt > 0)
            {
                continue;
            }
            // Ranges ending at the very last address have no closing boundary (it would overflow).
            var end = i < boundaries.Length ? boundaries[i].Key - 1 : UInt128.MaxValue;
            if (masks.Count > 0 && masks[^1] == mask && ends[^1] + 1 == start)
            {
                ends[^1] = end;
            }
            else
            {
                starts.Add(start);
                ends.Add(end);
                masks.Add(mask);
            }
        }
        return new ReputationIntervals([.. starts], [.. ends], [.. masks]);
    }

    private void AddBoundaries(IpRange range, int list)
    {
        _boundaries.Add(new Boundary(range.First, list, +1));
        if (range.Last != UInt128.MaxValue)
        {
            _boundaries.Add(new Boundary(range.Last + 1, list, -1));
        }
    }

    private readonly record struct Boundary(UInt128 Key, int List, int Delta);
}
