using Gateway.Scoring.Features;

namespace Gateway.Scoring.Tests.Features;

public sealed class PathHashTests
{
    /// <summary>
    /// Pinned values (computed independently): replicas of different versions feed the same Redis
    /// HyperLogLogs during a rolling deploy, so the hash must never change.
    /// </summary>
    [Theory]
    [InlineData("", 0xefd01f60ba992926)]
    [InlineData("/", 0x23c49fa36281442f)]
    [InlineData("/admin", 0x9b1e15e6f544669b)]
    [InlineData("/index.php?x=ж", 0x0ab503ef2c0d249d)]
    public void Of_IsStableAcrossVersionsAndProcesses(string path, ulong expected)
    {
        Assert.Equal(expected, PathHash.Of(path));
    }
}
