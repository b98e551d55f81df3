using Gateway.LoadTests.SideBySide;

namespace Gateway.LoadTests.Tests.SideBySide;

public sealed class StoreStatePollerTests
{
    private static readonly (long, string)[] Observations =
    [
        (100, "redis"), (300, "redis"),
        (1_200, "redis"), (1_400, "fallback"), (1_800, "redis"),
        (2_500, "fallback"),
        (4_100, "redis"),
    ];

    [Theory]
    [InlineData(0, 1_000, "redis")]
    [InlineData(1_000, 2_000, "fallback")] // any fallback in a second makes it a degraded second
    [InlineData(2_000, 3_000, "fallback")]
    [InlineData(3_000, 4_000, "fallback")] // nobody asked in this second: the state before it holds
    [InlineData(4_000, 5_000, "redis")]
    public void StateIn_ASecond_IsItsFirstUnusualStateElseTheLastSeenElseTheOneBefore(long from, long to, string expected) =>
        Assert.Equal(expected, StoreStatePoller.StateIn(Observations, from, to));

    [Fact]
    public void StateIn_BeforeAnyObservation_IsUnknown() =>
        Assert.Null(StoreStatePoller.StateIn(Observations, -2_000, -1_000));
}
