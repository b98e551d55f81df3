using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.Targets;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Cli;

/// <summary><c>run --target URL</c>: one scenario against one loopback address that is already running.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(LoadTestOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var problem = LoopbackTarget.Validate(options.Target, out var target);
        if (problem is not null)
        {
            throw new LoadTestException(problem);
        }
        var environment = RunEnvironment.Capture(time);
        var scenario = ScenarioCatalog.Build(options.Scenario, new CsicCorpus(options.DataDirectory), options.ScenarioOptions);
        var name = target!.Authority;
        var summary = await TargetDriver.DriveAsync(name, target.GetLeftPart(UriPartial.Authority), scenario, options.Settings, time, cancellationToken)
            .ConfigureAwait(false);
        var report = RunReportFactory.Create($"Load test: {scenario.Name} against {name}", options, scenario, environment, [summary], null, []);
        RunReportFactory.WriteAndPrint(report, options.ResolveOutputDirectory($"run-{scenario.Name}", time), options.Python);
        return 0;
    }
}
