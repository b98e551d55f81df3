using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Telemetry;

public sealed class LogRateLimiterTests
{
    [Fact]
    public void TryAcquire_PastTheLimit_DropsLinesAndReportsThemWithTheNextOneWritten()
    {
        var time = new ManualTimeProvider();
        var limiter = new LogRateLimiter(3, time);
        var written = 0;
        for (var i = 0; i < 10; i++)
        {
            written += limiter.TryAcquire(out _) ? 1 : 0;
        }
        Assert.Equal(3, written);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(out var suppressed));
        Assert.Equal(7, suppressed);
        Assert.True(limiter.TryAcquire(out suppressed));
        Assert.Equal(0, suppressed);
    }

    [Fact]
    public void TryAcquire_FromManyThreads_NeverLetsMoreThanTheLimitThroughInOneSecond()
    {
        var limiter = new LogRateLimiter(50, new ManualTimeProvider());
        var written = 0;
        Parallel.For(0, 10_000, _ =>
        {
            if (limiter.TryAcquire(out _))
            {
                Interlocked.Increment(ref written);
            }
        });
        Assert.Equal(50, written);
    }
}
