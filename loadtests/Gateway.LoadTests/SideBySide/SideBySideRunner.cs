using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.SideBySide;

/// <summary>
/// <c>side-by-side</c>: in one run, starts an upstream, then one after another the upstream alone,
/// the gateway as bare YARP, the gateway with the in-process store and the gateway with Redis (a
/// local redis-server), drives the same scenario against each, and compares them with bare YARP.
/// Targets run one at a time so that they never compete for the machine.
/// </summary>
internal sealed class SideBySideRunner(LoadTestOptions options, TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(time);
        var scenario = ScenarioCatalog.Build(options.Scenario, new CsicCorpus(options.DataDirectory), options.ScenarioOptions);
        using var launcher = await TargetLauncher.StartAsync(options, time, cancellationToken).ConfigureAwait(false);

        var summaries = new List<RunSummary>();
        foreach (var target in SideBySideTarget.All)
        {
            if (options.Targets.Contains(target.Name))
            {
                summaries.Add(await launcher.RunAsync(target, scenario, options.Settings, cancellationToken).ConfigureAwait(false));
            }
        }

        var baseline = options.Targets.Contains(SideBySideTarget.BareYarp) ? SideBySideTarget.BareYarp : null;
        var report = RunReportFactory.Create($"Side by side: {scenario.Name}", options, scenario, environment, summaries, baseline, launcher.Notes);
        RunReportFactory.WriteAndPrint(report, options.ResolveOutputDirectory($"side-by-side-{scenario.Name}", time), options.Python);
        return 0;
    }
}
