using System.Globalization;
using Gateway.LoadTests.Engine;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Cli;

/// <summary>
/// The options shared by <c>run</c> and <c>side-by-side</c>, bound and range-checked in one go.
/// Every bound is there so that a typo cannot turn into an unbounded run.
/// </summary>
internal sealed class LoadTestOptions
{
    public const int DefaultClosedConnections = 8;
    public const int DefaultOpenInFlight = 256;
    public const double DefaultRate = 200;
    public const double DefaultDurationSeconds = 10;
    public const double DefaultWarmUpSeconds = 3;
    public const double MaxDurationSeconds = 3600;
    public const double MaxWarmUpSeconds = 600;
    public const int MaxConnections = 4096;
    public const double MaxRate = 1_000_000;
    public const long MaxRequestsLimit = 100_000_000;
    public const int MaxClients = 1_000_000;

    /// <summary>Options every load-driving command takes.</summary>
    public static readonly IReadOnlyList<string> CommonValueOptions =
    [
        "scenario", "model", "connections", "rate", "duration", "warmup", "requests", "clients", "seed",
        "timeout", "data", "out", "python",
    ];

    public static readonly IReadOnlySet<string> FlagOptions = new HashSet<string>(StringComparer.Ordinal) { "no-plot" };

    public static IReadOnlySet<string> ValueOptionsWith(params string[] extra) =>
        new HashSet<string>([.. CommonValueOptions, .. extra], StringComparer.Ordinal);

    public string? Target { get; private init; }
    public string Scenario { get; private init; } = "mixed";
    public LoadSettings Settings { get; private init; } = null!;
    public ScenarioOptions ScenarioOptions { get; private init; } = null!;
    public string DataDirectory { get; private init; } = "";
    public string? OutputDirectory { get; private init; }
    public string? Python { get; private init; }
    public IReadOnlyList<string> Targets { get; private init; } = [];
    public IReadOnlyList<string> GatewayArguments { get; private init; } = [];

    /// <summary>CPU list (taskset syntax, e.g. <c>0-3</c>) for the gateway processes; null leaves them unpinned.</summary>
    public string? GatewayCpus { get; private init; }

    /// <summary>CPU list for the upstream process; null leaves it unpinned.</summary>
    public string? UpstreamCpus { get; private init; }

    public static LoadTestOptions Bind(ArgumentList args, List<string> errors)
    {
        var modelText = args.Value("model") ?? "open";
        var model = LoadModel.Open;
        if (modelText is "closed")
        {
            model = LoadModel.Closed;
        }
        else if (modelText is not "open")
        {
            errors.Add($"--model must be 'open' or 'closed', not '{modelText}'");
        }
        var connections = Integer(args, "connections", model == LoadModel.Closed ? DefaultClosedConnections : DefaultOpenInFlight, 1, MaxConnections, errors);
        var rate = Number(args, "rate", DefaultRate, 0.001, MaxRate, errors);
        if (model == LoadModel.Closed && args.Has("rate"))
        {
            errors.Add("--rate applies to the open model only (add --model open)");
        }
        var duration = Number(args, "duration", DefaultDurationSeconds, 0.1, MaxDurationSeconds, errors);
        var warmUp = Number(args, "warmup", DefaultWarmUpSeconds, 0, MaxWarmUpSeconds, errors);
        var requests = Long(args, "requests", 0, 0, MaxRequestsLimit, errors);
        var clients = Integer(args, "clients", ScenarioOptions.DefaultClients, 1, MaxClients, errors);
        var seed = Long(args, "seed", 1, 0, long.MaxValue, errors);
        var timeout = Number(args, "timeout", 10, 0.1, 300, errors);

        var scenario = args.Value("scenario") ?? "mixed";
        if (!ScenarioCatalog.Exists(scenario))
        {
            errors.Add($"unknown scenario '{scenario}' (list them with the 'scenarios' command)");
        }

        var targets = new List<string>();
        foreach (var list in args.Values("targets"))
        {
            foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!SideBySide.SideBySideTarget.IsKnown(name))
                {
                    errors.Add($"unknown side-by-side target '{name}' (known: {string.Join(", ", SideBySide.SideBySideTarget.Names)})");
                }
                else if (!targets.Contains(name))
                {
                    targets.Add(name);
                }
            }
        }

        var gatewayArguments = new List<string>();
        foreach (var pair in args.Values("gateway-arg"))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                errors.Add($"--gateway-arg wants KEY=VALUE (a configuration key of the gateway), not '{pair}'");
                continue;
            }
            gatewayArguments.Add("--" + pair);
        }

        var gatewayCpus = CpuList(args, "gateway-cpus", errors);
        var upstreamCpus = CpuList(args, "upstream-cpus", errors);

        return new LoadTestOptions
        {
            Target = args.Value("target"),
            Scenario = scenario,
            Settings = new LoadSettings(model, connections, rate, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration),
                requests, TimeSpan.FromSeconds(timeout)),
            ScenarioOptions = new ScenarioOptions(clients, (ulong)seed),
            DataDirectory = args.Value("data") ?? DefaultDataDirectory(),
            OutputDirectory = args.Value("out"),
            Python = args.Has("no-plot") ? null : args.Value("python") ?? PlotRenderer.DefaultPython,
            Targets = targets.Count > 0 ? targets : SideBySide.SideBySideTarget.Names,
            GatewayArguments = gatewayArguments,
            GatewayCpus = gatewayCpus,
            UpstreamCpus = upstreamCpus,
        };
    }

    /// <summary>The same options with other load settings (a command that picks its own rate or model).</summary>
    public LoadTestOptions WithSettings(LoadSettings settings) => new()
    {
        Target = Target,
        Scenario = Scenario,
        Settings = settings,
        ScenarioOptions = ScenarioOptions,
        DataDirectory = DataDirectory,
        OutputDirectory = OutputDirectory,
        Python = Python,
        Targets = Targets,
        GatewayArguments = GatewayArguments,
        GatewayCpus = GatewayCpus,
        UpstreamCpus = UpstreamCpus,
    };

    /// <summary><c>../shared/data/csic2010</c> beside the repository this binary was built in.</summary>
    public static string DefaultDataDirectory() =>
        RepositoryRoot() is { } root
            ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "csic2010"))
            : Path.Combine(Directory.GetCurrentDirectory(), "csic2010");

    /// <summary><c>loadtests/results/&lt;UTC time&gt;-&lt;name&gt;</c> in the repository (ignored by git).</summary>
    public string ResolveOutputDirectory(string name, TimeProvider time)
    {
        if (OutputDirectory is not null)
        {
            return Path.GetFullPath(OutputDirectory);
        }
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var root = RepositoryRoot() is { } repo ? Path.Combine(repo, "loadtests", "results") : Path.Combine(Directory.GetCurrentDirectory(), "results");
        return Path.Combine(root, $"{stamp}-{name}");
    }

    internal static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string? CpuList(ArgumentList args, string name, List<string> errors)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return null;
        }
        if (text.Length == 0 || text.Length > 200 || text.AsSpan().ContainsAnyExcept("0123456789,-"))
        {
            errors.Add($"--{name} wants a CPU list such as 0-3 or 0,2, not '{text}'");
            return null;
        }
        return text;
    }

    internal static double Number(ArgumentList args, string name, double fallback, double min, double max, List<string> errors)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"--{name} wants a number, not '{text}'");
            return fallback;
        }
        if (value < min || value > max)
        {
            errors.Add($"--{name} must be within [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; got {text}");
            return fallback;
        }
        return value;
    }

    private static long Long(ArgumentList args, string name, long fallback, long min, long max, List<string> errors)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return fallback;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add($"--{name} wants a whole number, not '{text}'");
            return fallback;
        }
        if (value < min || value > max)
        {
            errors.Add($"--{name} must be within [{min}, {max}]; got {text}");
            return fallback;
        }
        return value;
    }

    internal static int Integer(ArgumentList args, string name, int fallback, int min, int max, List<string> errors) =>
        (int)Long(args, name, fallback, min, max, errors);
}
