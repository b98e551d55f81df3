using System.Globalization;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Engine;
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
    private const string GatewayAssembly = "Gateway.dll";
    private const string ThisAssembly = "Gateway.LoadTests.dll";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(time);
        var scenario = ScenarioCatalog.Build(options.Scenario, new CsicCorpus(options.DataDirectory), options.ScenarioOptions);
        var dotnet = DotnetHost.Executable();
        using var probe = new ReadinessProbe();

        var upstreamPort = FreePort.Next();
        var upstreamUrl = $"http://127.0.0.1:{upstreamPort}";
        using var upstream = StartPinned("upstream", options.UpstreamCpus, dotnet,
            [.. DotnetHost.ExecArguments(ThisAssembly), "serve-upstream", "--port", Invariant(upstreamPort), "--parent-pid", Invariant(Environment.ProcessId)]);
        Console.WriteLine($"started upstream (pid {upstream.Id}) at {upstreamUrl}");
        await probe.WaitAsync(upstream, upstreamUrl + "/", null, StartTimeout, cancellationToken).ConfigureAwait(false);

        var summaries = new List<RunSummary>();
        var notes = new List<string>();
        foreach (var target in SideBySideTarget.All)
        {
            if (!options.Targets.Contains(target.Name))
            {
                continue;
            }
            if (!target.IsGateway)
            {
                summaries.Add(await TargetDriver.DriveAsync(target.Name, upstreamUrl, scenario, options.Settings, time, cancellationToken).ConfigureAwait(false));
                continue;
            }
            summaries.Add(await RunGatewayAsync(target, dotnet, upstreamUrl, scenario, probe, notes, cancellationToken).ConfigureAwait(false));
        }

        var baseline = options.Targets.Contains(SideBySideTarget.BareYarp) ? SideBySideTarget.BareYarp : null;
        var report = RunReportFactory.Create($"Side by side: {scenario.Name}", options, scenario, environment, summaries, baseline, notes);
        RunReportFactory.WriteAndPrint(report, options.ResolveOutputDirectory($"side-by-side-{scenario.Name}", time), options.Python);
        return 0;
    }

    private async Task<RunSummary> RunGatewayAsync(SideBySideTarget target, string dotnet, string upstreamUrl, Scenario scenario,
        ReadinessProbe probe, List<string> notes, CancellationToken cancellationToken)
    {
        using var redis = target.NeedsRedis ? RedisServerProcess.Start() : null;
        if (redis is not null)
        {
            Console.WriteLine($"started redis-server (pid {redis.ProcessId}) on 127.0.0.1:{redis.Port}");
        }
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        List<string> arguments =
        [
            .. DotnetHost.ExecArguments(GatewayAssembly),
            $"--urls={url}",
            $"--Gateway:Upstream={upstreamUrl}/",
            "--Logging:LogLevel:Default=Warning",
            "--Protection:DecisionHeader=true",
            .. target.GatewayArguments!,
        ];
        if (redis is not null)
        {
            arguments.Add($"--ConnectionStrings:Redis={redis.ConnectionString}");
        }
        // Last, so that they override ours: e.g. another model, other limits.
        arguments.AddRange(options.GatewayArguments);

        using var gateway = StartPinned(target.Name, options.GatewayCpus, dotnet, arguments);
        Console.WriteLine($"started {target.Name} (pid {gateway.Id}) at {url}: {target.Description}");
        // With Redis, wait until the gateway is really on Redis, not on its in-process fallback.
        Func<string, bool>? ready = redis is null ? null : ReadinessNote.IsOnRedis;
        await probe.WaitAsync(gateway, url + "/readyz", ready, StartTimeout, cancellationToken).ConfigureAwait(false);

        var summary = await TargetDriver.DriveAsync(target.Name, url, scenario, options.Settings, time, cancellationToken).ConfigureAwait(false);
        var readiness = await probe.TryGetAsync(url + "/readyz", cancellationToken).ConfigureAwait(false);
        var note = $"{target.Name}: /readyz after the run: {ReadinessNote.Describe(readiness)}";
        notes.Add(note);
        Console.WriteLine("   " + note);
        if (redis is not null && !ReadinessNote.IsOnRedis(readiness))
        {
            // The figures are then partly (or wholly) the in-process fallback's: say so loudly, with the gateway's own words.
            Console.Error.WriteLine($"warning: {target.Name} was not on Redis at the end of its run; its last output:{Environment.NewLine}{gateway.RecentOutput()}");
            notes.Add($"**{target.Name} left Redis during the run: its figures are partly the in-process fallback's.**");
        }
        return summary;
    }

    /// <summary>Starts a child, under <c>taskset</c> when a CPU list is given, so that the generator and the
    /// processes it measures can be kept on separate cores.</summary>
    private static ChildProcess StartPinned(string name, string? cpus, string executable, List<string> arguments)
    {
        if (cpus is null)
        {
            return ChildProcess.Start(name, executable, arguments, AppContext.BaseDirectory);
        }
        const string taskset = "/usr/bin/taskset";
        if (!File.Exists(taskset))
        {
            throw new LoadTestException($"{taskset} not found (util-linux); drop the --*-cpus options or install it");
        }
        return ChildProcess.Start(name, taskset, ["-c", cpus, executable, .. arguments], AppContext.BaseDirectory);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
