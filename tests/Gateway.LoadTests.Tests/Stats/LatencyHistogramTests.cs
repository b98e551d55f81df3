using Gateway.LoadTests.Stats;

namespace Gateway.LoadTests.Tests.Stats;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100];

    [Fact]
    public void ValueAtPercentile_ValuesInExactRange_EqualSortedArrayNearestRank()
    {
        var random = new Random(7);
        var values = new long[10_001];
        var histogram = new LatencyHistogram(1_000_000, subBucketBits: 11);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(0, 2048);
            histogram.Record(values[i]);
        }
        Array.Sort(values);

        foreach (var p in Percentiles)
        {
            Assert.Equal(NearestRank(values, p), histogram.ValueAtPercentile(p));
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(14)]
    public void ValueAtPercentile_WideRange_IsNeverBelowAndWithinResolutionAboveSortedArray(int subBucketBits)
    {
        var random = new Random(subBucketBits);
        var values = new long[50_000];
        var histogram = new LatencyHistogram(3_600_000_000, subBucketBits);
        for (var i = 0; i < values.Length; i++)
        {
            // Log-uniform from 1 µs to about 17 minutes: every bucket magnitude gets values.
            values[i] = (long)Math.Pow(2, random.NextDouble() * 30);
            histogram.Record(values[i]);
        }
        Array.Sort(values);

        foreach (var p in Percentiles)
        {
            var expected = NearestRank(values, p);
            var actual = histogram.ValueAtPercentile(p);
            Assert.InRange(actual, expected, (long)Math.Floor(expected * (1 + histogram.RelativeResolution)));
        }
        Assert.Equal(values[^1], histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void ValueAtPercentile_NoValues_IsZero()
    {
        var histogram = new LatencyHistogram(1000);

        Assert.Equal(0, histogram.ValueAtPercentile(99));
        Assert.Equal(0, histogram.TotalCount);
        Assert.Equal(0, histogram.Mean);
    }

    [Fact]
    public void Record_ValueAboveHighestTrackable_KeepsExactMaxAndCount()
    {
        var histogram = new LatencyHistogram(10_000, subBucketBits: 8);

        histogram.Record(5);
        histogram.Record(123_456_789);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(123_456_789, histogram.Max);
        Assert.Equal(123_456_789, histogram.ValueAtPercentile(100));
        Assert.Equal(5, histogram.Min);
    }

    [Fact]
    public void Record_NegativeValue_CountsAsZero()
    {
        var histogram = new LatencyHistogram(1000);

        histogram.Record(-3);

        Assert.Equal(0, histogram.ValueAtPercentile(50));
        Assert.Equal(1, histogram.TotalCount);
    }

    [Fact]
    public void Mean_IsTheExactArithmeticMean()
    {
        var histogram = new LatencyHistogram(1_000_000_000);
        long[] values = [1, 10, 100, 1_000_000, 999];
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Assert.Equal(values.Average(), histogram.Mean, precision: 9);
    }

    [Fact]
    public void Buckets_CoverEveryValueContiguously_AndEachValueFallsInsideItsBucket()
    {
        const int bits = 6;
        var histogram = new LatencyHistogram(1L << 40, bits);
        var lastIndex = LatencyHistogram.IndexOf(1L << 40, bits);
        for (var index = 1; index <= lastIndex; index++)
        {
            // Each bucket starts one past where the previous one ends: no gaps, no overlaps.
            Assert.Equal(histogram.HighestEquivalent(index - 1) + 1, histogram.LowestEquivalent(index));
        }
        var random = new Random(3);
        for (var i = 0; i < 100_000; i++)
        {
            var value = (long)Math.Pow(2, random.NextDouble() * 40);
            var index = LatencyHistogram.IndexOf(value, bits);
            Assert.InRange(value, histogram.LowestEquivalent(index), histogram.HighestEquivalent(index));
        }
    }

    [Fact]
    public void Add_SameAsRecordingEverythingIntoOne()
    {
        var random = new Random(11);
        var left = new LatencyHistogram(1_000_000_000);
        var right = new LatencyHistogram(1_000_000_000);
        var all = new LatencyHistogram(1_000_000_000);
        for (var i = 0; i < 20_000; i++)
        {
            var value = random.NextInt64(0, 50_000_000);
            (i % 3 == 0 ? left : right).Record(value);
            all.Record(value);
        }

        left.Add(right);

        Assert.Equal(all.TotalCount, left.TotalCount);
        Assert.Equal(all.Max, left.Max);
        Assert.Equal(all.Min, left.Min);
        Assert.Equal(all.Mean, left.Mean, precision: 6);
        foreach (var p in Percentiles)
        {
            Assert.Equal(all.ValueAtPercentile(p), left.ValueAtPercentile(p));
        }
    }

    [Fact]
    public void Add_DifferentLayout_IsRefused()
    {
        var coarse = new LatencyHistogram(1_000_000, subBucketBits: 8);
        var fine = new LatencyHistogram(1_000_000, subBucketBits: 11);

        Assert.Throws<ArgumentException>(() => coarse.Add(fine));
    }

    [Fact]
    public void Record_FromManyThreadsAtOnce_LosesNoCount()
    {
        var histogram = new LatencyHistogram(1_000_000);

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                histogram.Record(i % 5000);
            }
        });

        Assert.Equal(400_000, histogram.TotalCount);
        Assert.Equal(4999, histogram.Max);
        Assert.Equal(0, histogram.Min);
    }

    [Theory]
    [InlineData(50, 4, 2)]
    [InlineData(50, 5, 3)]
    [InlineData(99, 100, 99)]
    [InlineData(99.9, 1000, 999)]
    [InlineData(100, 7, 7)]
    [InlineData(0, 7, 1)]
    public void RankFor_IsNearestRank(double percentile, long total, long rank) =>
        Assert.Equal(rank, LatencyHistogram.RankFor(percentile, total));

    /// <summary>The reference: the ⌈p/100·N⌉-th smallest value of a sorted array (at least the first).</summary>
    private static long NearestRank(long[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling((decimal)percentile * sorted.Length / 100m);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
