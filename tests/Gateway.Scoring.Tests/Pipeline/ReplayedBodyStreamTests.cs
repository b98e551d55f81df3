using Gateway.Scoring.Pipeline;

namespace Gateway.Scoring.Tests.Pipeline;

public sealed class ReplayedBodyStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Read_ReturnsThePrefixThenTheRest_WhateverTheReadSize(int readSize)
    {
        var original = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 31)).ToArray();
        var inner = new MemoryStream(original);
        var prefix = new byte[1000];
        await inner.ReadExactlyAsync(prefix);
        var stream = new ReplayedBodyStream(prefix, inner);

        var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        Assert.Equal(original, copy.ToArray());
        Assert.Equal(original.Length, stream.Position);
    }

    [Fact]
    public void Read_Synchronous_AlsoReplaysThePrefix()
    {
        var stream = new ReplayedBodyStream("abc"u8.ToArray(), new MemoryStream("def"u8.ToArray()));

        using var reader = new StreamReader(stream);

        Assert.Equal("abcdef", reader.ReadToEnd());
    }
}
