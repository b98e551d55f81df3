using Gateway.Scoring.Model;

namespace Gateway.Scoring.Tests.Model;

public sealed class NonZeroPackerTests
{
    /// <summary>Every vector path this machine runs, by row lengths around the vector widths.</summary>
    public static TheoryData<int, int> PathsAndLengths()
    {
        var data = new TheoryData<int, int>();
        foreach (var path in new[] { 1, 8 })
        {
            if (path > NonZeroPacker.WidestPath)
            {
                continue;
            }
            foreach (var length in new[] { 0, 1, 7, 8, 15, 16, 17, 33, 2109 })
            {
                data.Add(path, length);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndLengths))]
    public void Pack_AnyRowLength_WritesEveryNonZeroInIndexOrder(int path, int length)
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
        var index = new int[length];
        var value = new float[length];

        var count = NonZeroPacker.Pack(row, index, value, path);

        var expected = Enumerable.Range(0, length).Where(i => row[i] != 0f).ToArray();
        Assert.Equal(expected, index[..count]);
        Assert.Equal(expected.Select(i => row[i]).ToArray(), value[..count]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Pack_NaNAndNegativeZero_KeepsNaNAndDropsNegativeZero(int path)
    {
        float[] row = [0f, -0f, float.NaN, -1f, 0f, 0f, 0f, 0f, float.PositiveInfinity, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f];
        var index = new int[row.Length];
        var value = new float[row.Length];

        var count = NonZeroPacker.Pack(row, index, value, Math.Min(path, NonZeroPacker.WidestPath));

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
