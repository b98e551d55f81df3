using Gateway.Scoring.Model;

namespace Gateway.Scoring.Tests.Model;

public sealed class NonZeroPackerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(2109)]
    public void Pack_AnyRowLength_WritesEveryNonZeroInIndexOrder(int length)
    {
        var random = new Random(length);
        var row = new float[length];
        for (var i = 0; i < length; i++)
        {
            row[i] = random.Next(4) == 0 ? (float)(random.NextDouble() - 0.5) : 0f;
        }
        if (length > 0)
        {
            row[^1] = 3f; // the scalar tail after the last whole vector
        }
        var index = new int[length + 1];
        var value = new float[length + 1];

        var count = NonZeroPacker.Pack(row, index, value);

        var expected = Enumerable.Range(0, length).Where(i => row[i] != 0f).ToArray();
        Assert.Equal(expected, index[..count]);
        Assert.Equal(expected.Select(i => row[i]).ToArray(), value[..count]);
    }

    [Fact]
    public void Pack_NaNAndNegativeZero_KeepsNaNAndDropsNegativeZero()
    {
        float[] row = [0f, -0f, float.NaN, -1f, 0f, 0f, 0f, 0f, float.PositiveInfinity];
        var index = new int[row.Length];
        var value = new float[row.Length];

        var count = NonZeroPacker.Pack(row, index, value);

        Assert.Equal([2, 3, 8], index[..count]);
        Assert.True(float.IsNaN(value[0]));
        Assert.Equal([-1f, float.PositiveInfinity], value[1..count]);
    }

    [Fact]
    public void Pack_DestinationShorterThanTheRow_Throws()
    {
        Assert.Throws<ArgumentException>(() => NonZeroPacker.Pack(new float[16], new int[15], new float[16]));
    }
}
