using Gateway.Scoring.Challenge;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Challenge;

public sealed class InProcessReplaySetTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void SecondUseOfAnId_IsRefused_UntilTheTokenWouldHaveExpired()
    {
        var set = new InProcessReplaySet(_time);
        var expires = _time.GetUtcNow().AddMinutes(5);

        Assert.True(set.TryConsume(1, expires, out _));
        Assert.False(set.TryConsume(1, expires, out _));
        Assert.True(set.TryConsume(2, expires, out _));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(set.TryConsume(1, expires.AddMinutes(5), out _)); // the token itself is expired by then
    }

    [Fact]
    public void ExpiredIds_AreSwept_SoTheSetStaysBounded()
    {
        var set = new InProcessReplaySet(_time, capacity: 100);
        var expires = _time.GetUtcNow().AddMinutes(5);
        for (UInt128 id = 0; id < 60; id++)
        {
            Assert.True(set.TryConsume(id, expires, out _));
        }
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.True(set.TryConsume(1000, _time.GetUtcNow().AddMinutes(5), out _));

        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void FullSetOfLiveIds_LetsARedemptionThrough_AndSaysSo()
    {
        var set = new InProcessReplaySet(_time, capacity: 10);
        var expires = _time.GetUtcNow().AddMinutes(5);
        for (UInt128 id = 0; id < 10; id++)
        {
            Assert.True(set.TryConsume(id, expires, out _));
        }

        Assert.True(set.TryConsume(99, expires, out var full));
        Assert.True(full);
        Assert.False(set.TryConsume(3, expires, out _)); // ids already held are still refused
    }
}
