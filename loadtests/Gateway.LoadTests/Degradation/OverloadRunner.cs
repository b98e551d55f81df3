using System.Globalization;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.SideBySide;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Degradation;

/// <summary>
/// <c>overload</c>: finds the in-process gateway's saturation with the closed model (unless --rate
/// is given), then drives each target with the open model at a multiple of it, well past what it
/// can serve. What must hold: no request fails because of the gateway (no missing answers, no
/// 5xx), and passed requests are still decided within the budget + 1 ms, because scoring is shed
/// (fail-open) rather than queued. The report shows both, the fail-open reasons, and per second.
/// </summary>
internal sealed class OverloadRunner(LoadTestOptions options, OverloadOptions overload, bool targetsGiven, TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(time);
        var scenario = ScenarioCatalog.Build(options.Scenario, new CsicCorpus(options.DataDirectory), options.ScenarioOptions);
        using var launcher = await TargetLauncher.StartAsync(options, time, cancellationToken).ConfigureAwait(false);
        var targets = targetsGiven ? options.Targets : [SideBySideTarget.BareYarp, SideBySideTarget.InProcess];

        var rate = overload.Rate;
        if (rate is null)
        {
            var saturation = options.Settings with
            {
                Model = LoadModel.Closed,
                Connections = overload.SaturationConnections,
                // The same warm-up as the overload runs: a gateway still tiering up its JIT code measures far below its capacity.
                Duration = TimeSpan.FromSeconds(overload.SaturationSeconds),
                MaxRequests = 0,
            };
            Console.WriteLine($"-- saturation of {SideBySideTarget.InProcess}: {saturation.Describe()}");
            var measured = await launcher.RunAsync(Target(SideBySideTarget.InProcess), scenario, saturation, cancellationToken).ConfigureAwait(false);
            rate = Math.Max(1, measured.RequestsPerSecond * overload.Factor);
            launcher.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Saturation of {SideBySideTarget.InProcess} (closed model, {overload.SaturationConnections} connections, {overload.SaturationSeconds:0.#} s): {measured.RequestsPerSecond:N0} req/s, p99 {measured.Latency.P99:0.000} ms; overload rate = {overload.Factor:0.##} × that = {rate:N0} req/s"));
        }
        else
        {
            launcher.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Overload rate given: {rate:N0} req/s"));
        }

        var settings = options.Settings with { Model = LoadModel.Open, Rate = rate.Value };
        var summaries = new List<RunSummary>();
        foreach (var name in targets)
        {
            summaries.Add(await launcher.RunAsync(Target(name), scenario, settings, cancellationToken).ConfigureAwait(false));
        }

        var notes = new List<string>();
        foreach (var summary in summaries)
        {
            notes.Add(Verdicts.Failures(summary));
            if (summary.DecisionTime.Count > 0)
            {
                notes.Add(Verdicts.DecisionTime(summary, overload.BudgetMilliseconds));
                notes.Add(Verdicts.FailOpen(summary));
            }
        }
        notes.AddRange(launcher.Notes);
        var baseline = targets.Contains(SideBySideTarget.BareYarp) ? SideBySideTarget.BareYarp : null;
        var report = RunReportFactory.Create($"Overload: {scenario.Name} at {rate:0} req/s", options.WithSettings(settings), scenario, environment, summaries, baseline, notes);
        RunReportFactory.WriteAndPrint(report, options.ResolveOutputDirectory($"overload-{scenario.Name}", time), options.Python);
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }
        return 0;
    }

    private static SideBySideTarget Target(string name)
    {
        foreach (var target in SideBySideTarget.All)
        {
            if (target.Name == name)
            {
                return target;
            }
        }
        throw new LoadTestException($"unknown target {name}");
    }
}
