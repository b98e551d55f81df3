using Gateway.Scoring.Login.InProcess;

namespace Gateway.Scoring.Tests.Login.InProcess;

public sealed class HyperLogLogTests
{
    private static ulong Hash(long value)
    {
        var x = (ulong)value + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [Fact]
    public void Count_IsExactWhileSparse_AndIgnoresRepeats()
    {
        var sketch = new HyperLogLog();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < HyperLogLog.SparseLimit; i++)
            {
                sketch.Add(Hash(i));
            }
        }

        Assert.True(sketch.IsExact);
        Assert.Equal(HyperLogLog.SparseLimit, sketch.Count());
    }

    [Theory]
    [InlineData(65)]
    [InlineData(200)]
    [InlineData(1_000)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Count_StaysWithinThreeStandardErrorsOfTheExactCount(int distinct)
    {
        var sketch = new HyperLogLog();
        for (var i = 0; i < distinct; i++)
        {
            sketch.Add(Hash(i * 7919L));
            sketch.Add(Hash(i * 7919L)); // repeats never count
        }

        var error = Math.Abs(sketch.Count() - distinct) / (double)distinct;

        Assert.False(sketch.IsExact);
        Assert.True(error <= 3 * HyperLogLog.StandardError, $"estimate {sketch.Count()} for {distinct}: error {error:P2}");
    }

    [Theory]
    [InlineData(10, 20, 5)]
    [InlineData(50, 50, 40)]
    [InlineData(3_000, 5_000, 1_000)]
    public void CountUnion_CountsSharedMembersOnce(int onlyA, int onlyB, int shared)
    {
        var a = new HyperLogLog();
        var b = new HyperLogLog();
        for (var i = 0; i < onlyA; i++) a.Add(Hash(1_000_000 + i));
        for (var i = 0; i < onlyB; i++) b.Add(Hash(2_000_000 + i));
        for (var i = 0; i < shared; i++)
        {
            a.Add(Hash(3_000_000 + i));
            b.Add(Hash(3_000_000 + i));
        }
        var exact = onlyA + onlyB + shared;

        var union = HyperLogLog.CountUnion(a, b);

        Assert.True(Math.Abs(union - exact) <= Math.Max(0, 3 * HyperLogLog.StandardError * exact), $"union {union} for {exact}");
        Assert.Equal(a.Count(), HyperLogLog.CountUnion(a, null));
        Assert.Equal(0, HyperLogLog.CountUnion(null, null));
    }
}
