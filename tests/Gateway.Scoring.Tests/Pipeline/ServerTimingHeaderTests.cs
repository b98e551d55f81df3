using Gateway.Scoring.Pipeline;

namespace Gateway.Scoring.Tests.Pipeline;

public sealed class ServerTimingHeaderTests
{
    [Theory]
    [InlineData(0L, "protection;dur=0")]
    [InlineData(153L, "protection;dur=0.015")]
    [InlineData(5_000L, "protection;dur=0.5")]
    [InlineData(123_456L, "protection;dur=12.346")]
    [InlineData(987_654_321L, "protection;dur=98765.432")]
    public void Format_GivesMillisecondsWithAtMostThreeDecimals(long ticks, string expected)
    {
        Assert.Equal(expected, ServerTimingHeader.Format(TimeSpan.FromTicks(ticks)));
    }
}
