using System.Globalization;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.SideBySide;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Degradation;

/// <summary>
/// <c>redis-outage</c>: drives the gateway with the Redis feature store, kills its redis-server
/// part-way through the measured run and starts it again (empty, same port) later. What must hold:
/// zero failed requests. The report shows the degraded window: the store state the gateway's
/// /readyz gave each second (<c>fallback</c> while the circuit is open), the decisions that failed
/// open per second and why, next to latency.
/// </summary>
internal sealed class RedisOutageRunner(LoadTestOptions options, OutageOptions outage, double budgetMilliseconds, TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(time);
        var scenario = ScenarioCatalog.Build(options.Scenario, new CsicCorpus(options.DataDirectory), options.ScenarioOptions);
        using var launcher = await TargetLauncher.StartAsync(options, time, cancellationToken).ConfigureAwait(false);
        var target = SideBySideTarget.All.First(t => t.Name == SideBySideTarget.Redis);
        var events = new List<string>();

        async Task KillAndRestartRedis(GatewayRun run)
        {
            try
            {
                await run.DelayUntilMeasured(outage.At, run.Stopping).ConfigureAwait(false);
                var pid = run.Redis!.ProcessId;
                run.Redis.Stop();
                events.Add(Event(run, $"killed redis-server (pid {pid})"));
                await run.DelayUntilMeasured(outage.At + outage.For, run.Stopping).ConfigureAwait(false);
                run.Redis.Restart();
                events.Add(Event(run, $"started redis-server again, empty, on the same port (pid {run.Redis.ProcessId})"));
            }
            catch (OperationCanceledException) when (run.Stopping.IsCancellationRequested)
            {
                events.Add("the run ended before the outage script did");
            }
        }

        var summary = await launcher.RunAsync(target, scenario, options.Settings, cancellationToken, KillAndRestartRedis, pollStore: true)
            .ConfigureAwait(false);

        List<string> notes =
        [
            Verdicts.Failures(summary),
            Verdicts.StoreWindow(summary),
            Verdicts.FailOpen(summary),
            Verdicts.DecisionTime(summary, budgetMilliseconds),
            .. events,
            .. launcher.Notes,
        ];
        var report = RunReportFactory.Create(
            string.Create(CultureInfo.InvariantCulture, $"Redis outage: {scenario.Name}, Redis down from second {outage.At.TotalSeconds:0.#} for {outage.For.TotalSeconds:0.#} s"),
            options, scenario, environment, [summary], null, notes);
        RunReportFactory.WriteAndPrint(report, options.ResolveOutputDirectory($"redis-outage-{scenario.Name}", time), options.Python);
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }
        return 0;
    }

    private static string Event(GatewayRun run, string what)
    {
        var second = run.Time.GetElapsedTime(run.MeasureStart).TotalSeconds;
        var line = string.Create(CultureInfo.InvariantCulture, $"at measured second {second:0.00}: {what}");
        Console.WriteLine("   " + line);
        return line;
    }
}
