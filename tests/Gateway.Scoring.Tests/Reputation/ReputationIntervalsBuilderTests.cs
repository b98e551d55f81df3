using Gateway.Scoring.Addressing;
using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Tests.Reputation;

public sealed class ReputationIntervalsBuilderTests
{
    [Fact]
    public void Build_RandomOverlappingRanges_AgreesWithABruteForceScanAtEveryBoundary()
    {
        var random = new Random(42);
        for (var round = 0; round < 200; round++)
        {
            var lists = random.Next(1, 6);
            var entries = new List<(IpRange Range, int List)>();
            var builder = new ReputationIntervalsBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                var entry = (RandomRange(random), random.Next(lists));
                entries.Add(entry);
                builder.Add(entry.Item1, entry.Item2);
            }
            var exempt = IpRangeSet.Create(Enumerable.Range(0, random.Next(3)).Select(_ => RandomRange(random)));
            var intervals = builder.Build(exempt);

            AssertDisjointSortedAndMaximal(intervals);
            foreach (var probe in Probes(entries, exempt))
            {
                ulong expected = 0;
                if (!exempt.Contains(probe))
                {
                    foreach (var (range, list) in entries)
                    {
                        expected |= range.Contains(probe) ? 1UL << list : 0;
                    }
                }
                Assert.Equal(expected, intervals.Find(probe));
            }
        }
    }

    [Fact]
    public void Build_RangeEndingAtTheLastAddress_CoversIt()
    {
        var builder = new ReputationIntervalsBuilder();
        builder.Add(new IpRange(UInt128.MaxValue - 5, UInt128.MaxValue), 0);
        builder.Add(new IpRange(0, 0), 1);
        var intervals = builder.Build(IpRangeSet.Empty);
        Assert.Equal(1UL, intervals.Find(UInt128.MaxValue));
        Assert.Equal(0UL, intervals.Find(UInt128.MaxValue - 6));
        Assert.Equal(2UL, intervals.Find(0));
        Assert.Equal(0UL, intervals.Find(1));
    }

    [Fact]
    public void Build_AdjacentEntriesOfTheSameLists_BecomeOneInterval()
    {
        var builder = new ReputationIntervalsBuilder();
        builder.Add(new IpRange(10, 19), 0);
        builder.Add(new IpRange(20, 29), 0);
        builder.Add(new IpRange(25, 40), 0);
        Assert.Equal(1, builder.Build(IpRangeSet.Empty).Count);
    }

    private static void AssertDisjointSortedAndMaximal(ReputationIntervals intervals)
    {
        for (var i = 0; i < intervals.Count; i++)
        {
            var (start, end, mask) = intervals[i];
            Assert.True(start <= end);
            Assert.NotEqual(0UL, mask);
            if (i > 0)
            {
                var (_, previousEnd, previousMask) = intervals[i - 1];
                Assert.True(previousEnd < start);
                Assert.False(previousEnd + 1 == start && previousMask == mask, "adjacent intervals with one mask were not merged");
            }
        }
    }

    /// <summary>Every place where the answer can change: each range edge and its neighbours.</summary>
    private static IEnumerable<UInt128> Probes(List<(IpRange Range, int List)> entries, IpRangeSet exempt)
    {
        var edges = entries.Select(e => e.Range).Concat(exempt.Ranges.ToArray());
        foreach (var range in edges)
        {
            foreach (var edge in new[] { range.First, range.Last })
            {
                yield return edge;
                if (edge > 0)
                {
                    yield return edge - 1;
                }
                if (edge < UInt128.MaxValue)
                {
                    yield return edge + 1;
                }
            }
        }
    }

    /// <summary>Small numbers, so that ranges overlap often.</summary>
    private static IpRange RandomRange(Random random)
    {
        var first = (UInt128)random.Next(0, 200);
        return new IpRange(first, first + (UInt128)random.Next(0, 40));
    }
}
