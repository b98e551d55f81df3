using System.Text;
using Gateway.Scoring.Content.Datasets;

namespace Gateway.Scoring.Tests.Content.Datasets;

public sealed class DatasetLineReaderTests
{
    [Fact]
    public void TryReadLine_KeepsEachLinesOwnTerminator()
    {
        var reader = new DatasetLineReader(new MemoryStream(Encoding.Latin1.GetBytes("a\r\nb\nc\rd\ne")));
        var lines = new List<(string, string)>();
        while (reader.TryReadLine(out var line, out var terminator))
        {
            lines.Add((line, terminator));
        }
        Assert.Equal([("a", "\r\n"), ("b", "\n"), ("c\rd", "\n"), ("e", "")], lines);
        Assert.Equal(4, reader.LineNumber);
    }

    [Fact]
    public void TryReadLine_BytesAbove127_MapOneToOne()
    {
        var reader = new DatasetLineReader(new MemoryStream([0xF1, 0x00, 0xFF, (byte)'\n']));
        Assert.True(reader.TryReadLine(out var line, out _));
        Assert.Equal("\u00F1\0\u00FF", line);
    }

    [Fact]
    public void TryReadLine_LineLongerThanTheLimit_FailsWithItsNumber()
    {
        var text = "short\n" + new string('x', 5000) + "\n";
        var reader = new DatasetLineReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), maxLineBytes: 1000);
        Assert.True(reader.TryReadLine(out _, out _));
        var error = Assert.Throws<InvalidDataException>(() => reader.TryReadLine(out _, out _));
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void TryReadLine_LinesSpanningManyReads_AreWhole()
    {
        var long1 = new string('a', 200_000);
        var long2 = new string('b', 70_000);
        var reader = new DatasetLineReader(new MemoryStream(Encoding.ASCII.GetBytes(long1 + "\r\n" + long2)));
        Assert.True(reader.TryReadLine(out var first, out _));
        Assert.True(reader.TryReadLine(out var second, out _));
        Assert.False(reader.TryReadLine(out _, out _));
        Assert.Equal(long1, first);
        Assert.Equal(long2, second);
    }
}
