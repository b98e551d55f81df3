using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Traffic;

/// <summary>Every request of the real CSIC 2010 files (../shared/data beside the repository) can be sent as recorded.</summary>
public sealed class CsicReplayTests
{
    private static readonly UriCreationOptions RawTarget = new() { DangerousDisablePathAndQueryCanonicalization = true };

    [Theory]
    [InlineData(CsicCorpus.BenignFile, 36_000)]
    [InlineData(CsicCorpus.AttackFile, 25_065)]
    public void EveryRecordedRequest_BecomesAUriThatSendsTheTargetUnchanged(string file, int expectedRequests)
    {
        var corpus = new CsicCorpus(LoadTestOptions.DefaultDataDirectory());

        var items = file == CsicCorpus.BenignFile ? corpus.Benign : corpus.Attacks;

        Assert.Equal(expectedRequests, items.Count);
        foreach (var item in items)
        {
            Assert.True(Uri.TryCreate("http://127.0.0.1:8080" + item.Target, RawTarget, out var uri), item.Target);
            Assert.Equal(item.Target, uri!.PathAndQuery);
            Assert.All(item.Target, c => Assert.InRange(c, '!', '~'));
        }
    }
}
