using Gateway.LoadTests.Engine;

namespace Gateway.LoadTests.Tests.Engine;

public sealed class OpenScheduleTests
{
    private const long Frequency = 1_000_000_000; // Stopwatch on Linux: nanoseconds

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(200)]
    [InlineData(333.3)]
    [InlineData(25_000)]
    public void IntendedTimestamp_IsStartPlusIndexOverRate_WithoutDrift(double rate)
    {
        const long start = 123_456_789;
        var schedule = new OpenSchedule(start, rate, Frequency);

        foreach (var index in new long[] { 0, 1, 2, 7, 1000, 123_457, 10_000_000 })
        {
            var exact = start + (decimal)index * Frequency / (decimal)rate;
            // Computed from the index, so the error stays within rounding even after millions of requests.
            Assert.InRange(schedule.IntendedTimestamp(index), (long)Math.Floor(exact) - 1, (long)Math.Ceiling(exact) + 1);
        }
    }

    [Fact]
    public void IntendedTimestamp_IsStrictlyIncreasingAndEvenlySpaced()
    {
        var schedule = new OpenSchedule(0, 1000, Frequency);

        for (long i = 1; i < 10_000; i++)
        {
            var gap = schedule.IntendedTimestamp(i) - schedule.IntendedTimestamp(i - 1);
            Assert.Equal(1_000_000, gap);
        }
    }

    [Fact]
    public void IntendedTimestamp_DoesNotDependOnWhenItIsAsked()
    {
        // The plan is fixed in advance: asking late (as a stalled dispatcher would) gives the same time.
        var schedule = new OpenSchedule(500, 7, Frequency);
        var first = schedule.IntendedTimestamp(41);
        for (var i = 0; i < 100; i++)
        {
            schedule.IntendedTimestamp(i);
        }

        Assert.Equal(first, schedule.IntendedTimestamp(41));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(1, 1)]
    [InlineData(10_000_000, 1)]
    [InlineData(10_000_001, 2)]
    [InlineData(250_000_000, 25)]
    public void FirstIndexAtOrAfter_FindsTheFirstPlannedRequestFromThatTime(long offset, long expected)
    {
        var schedule = new OpenSchedule(1000, 100, Frequency);

        Assert.Equal(expected, schedule.FirstIndexAtOrAfter(1000 + offset));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RateNotPositive_IsRefused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenSchedule(0, rate, Frequency));
}
