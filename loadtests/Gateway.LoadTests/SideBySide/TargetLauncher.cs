using System.Globalization;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Stats;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.SideBySide;

/// <summary>
/// Starts the load-test upstream once, then runs a scenario against any side-by-side target: the
/// upstream itself, or a gateway process (with a local redis-server when the target needs one)
/// started for that run and stopped after it. Shared by <c>side-by-side</c>, <c>overload</c> and
/// <c>redis-outage</c>.
/// </summary>
internal sealed class TargetLauncher : IDisposable
{
    private const string GatewayAssembly = "Gateway.dll";
    private const string ThisAssembly = "Gateway.LoadTests.dll";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly LoadTestOptions _options;
    private readonly TimeProvider _time;
    private readonly string _dotnet = DotnetHost.Executable();
    private readonly ReadinessProbe _probe = new();
    private ChildProcess? _upstream;

    private TargetLauncher(LoadTestOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public string UpstreamUrl { get; private set; } = "";

    /// <summary>Things a reader must know about the runs (e.g. each gateway's /readyz after its run).</summary>
    public List<string> Notes { get; } = [];

    public static async Task<TargetLauncher> StartAsync(LoadTestOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var launcher = new TargetLauncher(options, time);
        try
        {
            var port = FreePort.Next();
            launcher.UpstreamUrl = $"http://127.0.0.1:{Invariant(port)}";
            launcher._upstream = StartPinned("upstream", options.UpstreamCpus, launcher._dotnet,
                [.. DotnetHost.ExecArguments(ThisAssembly), "serve-upstream", "--port", Invariant(port), "--parent-pid", Invariant(Environment.ProcessId)]);
            Console.WriteLine($"started upstream (pid {launcher._upstream.Id}) at {launcher.UpstreamUrl}");
            await launcher._probe.WaitAsync(launcher._upstream, launcher.UpstreamUrl + "/", null, StartTimeout, cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            launcher.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Drives <paramref name="scenario"/> with <paramref name="settings"/> against <paramref name="target"/>.
    /// </summary>
    /// <param name="duringRun">Runs beside the load (e.g. stops and restarts Redis); awaited before the summary is made.</param>
    /// <param name="pollStore">Poll the gateway's /readyz during the run and put its store state into the timeline.</param>
    public async Task<RunSummary> RunAsync(SideBySideTarget target, Scenario scenario, LoadSettings settings,
        CancellationToken cancellationToken, Func<GatewayRun, Task>? duringRun = null, bool pollStore = false)
    {
        if (!target.IsGateway)
        {
            return await TargetDriver.DriveAsync(target.Name, UpstreamUrl, scenario, settings, _time, cancellationToken).ConfigureAwait(false);
        }

        using var redis = target.NeedsRedis ? RedisServerProcess.Start() : null;
        if (redis is not null)
        {
            Console.WriteLine($"started redis-server (pid {redis.ProcessId}) on 127.0.0.1:{redis.Port}");
        }
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{Invariant(port)}";
        List<string> arguments =
        [
            .. DotnetHost.ExecArguments(GatewayAssembly),
            $"--urls={url}",
            $"--Gateway:Upstream={UpstreamUrl}/",
            "--Logging:LogLevel:Default=Warning",
            "--Protection:DecisionHeader=true",
            .. target.GatewayArguments!,
        ];
        if (redis is not null)
        {
            arguments.Add($"--ConnectionStrings:Redis={redis.ConnectionString}");
        }
        // Last, so that they override ours: e.g. another model, other limits.
        arguments.AddRange(_options.GatewayArguments);

        using var gateway = StartPinned(target.Name, _options.GatewayCpus, _dotnet, arguments);
        Console.WriteLine($"started {target.Name} (pid {gateway.Id}) at {url}: {target.Description}");
        // With Redis, wait until the gateway is really on Redis, not on its in-process fallback.
        Func<string, bool>? ready = redis is null ? null : ReadinessNote.IsOnRedis;
        await _probe.WaitAsync(gateway, url + "/readyz", ready, StartTimeout, cancellationToken).ConfigureAwait(false);

        using var stopSideJobs = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var driveStart = _time.GetTimestamp();
        // Where the measured part will begin (the open model plans its first request 20 ms ahead).
        var measureStart = driveStart + (long)((settings.WarmUp.TotalSeconds + (settings.Model == LoadModel.Open ? 0.02 : 0)) * _time.TimestampFrequency);
        var run = new GatewayRun(target.Name, url, redis, measureStart, _time, stopSideJobs.Token);
        var poller = pollStore ? new StoreStatePoller(url + "/readyz", _time) : null;
        var polling = poller?.RunAsync(stopSideJobs.Token) ?? Task.CompletedTask;
        var sideJob = duringRun is null ? Task.CompletedTask : Task.Run(() => duringRun(run), CancellationToken.None);
        double? cpuAtMeasureStart = null;
        var cpuSampling = Task.Run(async () =>
        {
            await run.DelayUntilMeasured(TimeSpan.Zero, stopSideJobs.Token).ConfigureAwait(false);
            cpuAtMeasureStart = ProcessCpu.Seconds(gateway.Id);
        }, CancellationToken.None);

        RunSummary summary;
        try
        {
            summary = await TargetDriver.DriveAsync(target.Name, url, scenario, settings, _time, cancellationToken).ConfigureAwait(false);
            await cpuSampling.ConfigureAwait(false);
            if (cpuAtMeasureStart is { } before && ProcessCpu.Seconds(gateway.Id) is { } after && summary.Completed > 0)
            {
                summary = summary with { CpuMicrosecondsPerRequest = (after - before) * 1e6 / summary.Completed };
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {target.Name} process CPU: {after - before:0.00} s for {summary.Completed:N0} responses = {summary.CpuMicrosecondsPerRequest:0} µs per request"));
            }
        }
        finally
        {
            await sideJob.ConfigureAwait(false);
            await stopSideJobs.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(false);
            poller?.Dispose();
        }
        if (poller is not null)
        {
            summary = poller.AddTo(summary, measureStart);
        }

        var readiness = await _probe.TryGetAsync(url + "/readyz", cancellationToken).ConfigureAwait(false);
        var note = $"{target.Name}: /readyz after the run: {ReadinessNote.Describe(readiness)}";
        Notes.Add(note);
        Console.WriteLine("   " + note);
        if (redis is not null && duringRun is null && !ReadinessNote.IsOnRedis(readiness))
        {
            // The figures are then partly (or wholly) the in-process fallback's: say so loudly, with the gateway's own words.
            Console.Error.WriteLine($"warning: {target.Name} was not on Redis at the end of its run; its last output:{Environment.NewLine}{gateway.RecentOutput()}");
            Notes.Add($"**{target.Name} left Redis during the run: its figures are partly the in-process fallback's.**");
        }
        return summary;
    }

    public void Dispose()
    {
        _upstream?.Dispose();
        _probe.Dispose();
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
