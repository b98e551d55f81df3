using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Engine;

/// <summary>Short runs against a real loopback server. They check counts and bookkeeping, never speed.</summary>
public sealed class LoadRunnerTests
{
    [Fact]
    public async Task RunAsync_ClosedModelWithRequestLimit_RecordsExactlyThatManyAfterWarmUp()
    {
        await using var server = await RecordingServer.StartAsync(decisionHeader: "pass; score=0; reasons=");
        using var sender = new HttpRequestSender(server.Address, 4, TimeSpan.FromSeconds(10));
        var settings = new LoadSettings(LoadModel.Closed, 4, 0, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), 40, TimeSpan.FromSeconds(10));

        var recorder = await new LoadRunner(sender, SinglePathScenario(), settings, TimeProvider.System).RunAsync(CancellationToken.None);
        var summary = recorder.Summarize("t");

        Assert.Equal(40, summary.Completed);
        Assert.Equal(0, summary.Errors);
        Assert.Equal(new DecisionCount(TrafficKind.Benign, DecisionOutcome.Pass, 40), Assert.Single(summary.Decisions));
        // Warm-up requests reached the server but are not in the figures.
        Assert.True(server.Received.Count >= 40);
    }

    [Fact]
    public async Task RunAsync_OpenModel_SendsEveryPlannedRequestAndRecordsOnlyTheMeasuredOnes()
    {
        await using var server = await RecordingServer.StartAsync();
        using var sender = new HttpRequestSender(server.Address, 16, TimeSpan.FromSeconds(10));
        // 200 req/s: 0.1 s warm-up plans 20 requests, the 0.25 s measurement 50.
        var settings = new LoadSettings(LoadModel.Open, 16, 200, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), 0, TimeSpan.FromSeconds(10));

        var recorder = await new LoadRunner(sender, SinglePathScenario(), settings, TimeProvider.System).RunAsync(CancellationToken.None);
        var summary = recorder.Summarize("t");

        Assert.Equal(50, summary.Completed + summary.Errors + summary.Unsent);
        Assert.Equal(70, server.Received.Count + summary.Errors + summary.Unsent);
    }

    [Fact]
    public async Task RunAsync_OpenModelWithRequestLimit_StopsPlanningAtTheLimit()
    {
        await using var server = await RecordingServer.StartAsync();
        using var sender = new HttpRequestSender(server.Address, 16, TimeSpan.FromSeconds(10));
        var settings = new LoadSettings(LoadModel.Open, 16, 500, TimeSpan.Zero, TimeSpan.FromSeconds(60), 25, TimeSpan.FromSeconds(10));

        var recorder = await new LoadRunner(sender, SinglePathScenario(), settings, TimeProvider.System).RunAsync(CancellationToken.None);

        Assert.Equal(25, recorder.Summarize("t").Completed);
        Assert.Equal(25, server.Received.Count);
    }

    private static Scenario SinglePathScenario()
    {
        var source = new ReplaySource(TrafficKind.Benign, [new ReplayItem("GET", "/ping", null, null)], ClientAddressPool.Create(4, 1), 1);
        return new Scenario("test", "one path", [new ScenarioPhase(0, "steady", new TrafficMix([(source, 1)], 0))]);
    }
}
