using System.Globalization;
using System.Runtime.InteropServices;
using Gateway.LoadTests;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Degradation;
using Gateway.LoadTests.Hosting;
using Gateway.LoadTests.LoginSim;
using Gateway.LoadTests.SideBySide;
using Gateway.LoadTests.Targets;
using Gateway.LoadTests.Traffic;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the run cleanly (children are killed on the way out); a second one kills.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

var command = args.Length > 0 ? args[0] : "help";
var errors = new List<string>();
try
{
    switch (command)
    {
        case "run":
        {
            var parsed = ArgumentList.Parse(args, LoadTestOptions.ValueOptionsWith("target"), LoadTestOptions.FlagOptions, errors);
            var options = LoadTestOptions.Bind(parsed, errors);
            if (!parsed.Has("target"))
            {
                errors.Add("run needs --target URL (e.g. http://127.0.0.1:8080)");
            }
            else if (LoopbackTarget.Validate(options.Target, out _) is { } refused)
            {
                errors.Add(refused);
            }
            return Failed(errors) ?? await RunCommand.ExecuteAsync(options, TimeProvider.System, cancel.Token);
        }
        case "side-by-side":
        {
            var parsed = ArgumentList.Parse(args, LoadTestOptions.ValueOptionsWith("targets", "gateway-arg", "gateway-cpus", "upstream-cpus"), LoadTestOptions.FlagOptions, errors);
            var options = LoadTestOptions.Bind(parsed, errors);
            return Failed(errors) ?? await new SideBySideRunner(options, TimeProvider.System).ExecuteAsync(cancel.Token);
        }
        case "overload":
        {
            var parsed = ArgumentList.Parse(args,
                LoadTestOptions.ValueOptionsWith(["targets", "gateway-arg", "gateway-cpus", "upstream-cpus", .. OverloadOptions.ValueOptions]),
                LoadTestOptions.FlagOptions, errors);
            var overload = OverloadOptions.Bind(parsed, errors);
            var options = LoadTestOptions.Bind(parsed, errors);
            return Failed(errors) ?? await new OverloadRunner(options, overload, parsed.Has("targets"), TimeProvider.System).ExecuteAsync(cancel.Token);
        }
        case "redis-outage":
        {
            var parsed = ArgumentList.Parse(args,
                LoadTestOptions.ValueOptionsWith(["gateway-arg", "gateway-cpus", "upstream-cpus", "budget-ms", .. OutageOptions.ValueOptions]),
                LoadTestOptions.FlagOptions, errors);
            if (!parsed.Has("duration"))
            {
                // An outage needs time on both sides of it: 30 s unless told.
                parsed = parsed.WithDefault("duration", "30");
            }
            var options = LoadTestOptions.Bind(parsed, errors);
            var outage = OutageOptions.Bind(parsed, options.Settings.Duration, errors);
            var budget = LoadTestOptions.Number(parsed, "budget-ms", 20, 0.1, 10_000, errors);
            return Failed(errors) ?? await new RedisOutageRunner(options, outage, budget, TimeProvider.System).ExecuteAsync(cancel.Token);
        }
        case "login-sim":
        {
            var parsed = ArgumentList.Parse(args, LoginSimCommand.ValueOptions, new HashSet<string>(), errors);
            return Failed(errors) ?? await LoginSimCommand.ExecuteAsync(parsed, TimeProvider.System, cancel.Token);
        }
        case "scenarios":
            foreach (var (name, description) in ScenarioCatalog.Entries)
            {
                Console.WriteLine($"{name,-16}{description}");
            }
            return 0;
        case "serve-upstream":
        {
            var parsed = ArgumentList.Parse(args, new HashSet<string> { "port", "parent-pid" }, new HashSet<string>(), errors);
            var port = ParseInt(parsed.Value("port") ?? "0", "port", 0, 65535, errors);
            int? parent = parsed.Value("parent-pid") is { } pid ? ParseInt(pid, "parent-pid", 1, int.MaxValue, errors) : null;
            return Failed(errors) ?? await UpstreamServer.RunAsync(port, parent, cancel.Token);
        }
        case "help" or "--help" or "-h":
            Console.WriteLine(Usage.Text);
            return 0;
        default:
            Console.Error.WriteLine($"unknown command '{command}'");
            Console.Error.WriteLine(Usage.Text);
            return 2;
    }
}
catch (LoadTestException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}

static int? Failed(List<string> errors)
{
    if (errors.Count == 0)
    {
        return null;
    }
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }
    Console.Error.WriteLine("(see --help)");
    return 2;
}

static int ParseInt(string text, string name, int min, int max, List<string> errors)
{
    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
    {
        return value;
    }
    errors.Add($"--{name} must be a whole number within [{min}, {max}], not '{text}'");
    return 0;
}
