using System.Globalization;
using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Reports;
using Gateway.LoadTests.Targets;
using Gateway.Scoring.Login;

namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// <c>login-sim</c>: plans a seeded population of users and attackers, starts the gateway with its
/// demo shop in this process (or uses <c>--target</c>), plays the attempts, and writes the report.
/// </summary>
internal static class LoginSimCommand
{
    public static readonly IReadOnlySet<string> ValueOptions = new HashSet<string>
    {
        "seed", "users", "stuffing", "residential-stuffing", "spraying", "bruteforce", "duration", "target", "out", "gateway-arg",
    };

    public static async Task<int> ExecuteAsync(ArgumentList args, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var defaults = new LoginSimSettings();
        var settings = new LoginSimSettings
        {
            Seed = Int(args, "seed", defaults.Seed, 0, int.MaxValue, errors),
            Users = Int(args, "users", defaults.Users, 1, 5000, errors),
            StuffingAttempts = Int(args, "stuffing", defaults.StuffingAttempts, 0, 1_000_000, errors),
            ResidentialStuffingAttempts = Int(args, "residential-stuffing", defaults.ResidentialStuffingAttempts, 0, 1_000_000, errors),
            SprayingAttempts = Int(args, "spraying", defaults.SprayingAttempts, 0, 1_000_000, errors),
            BruteForceAttempts = Int(args, "bruteforce", defaults.BruteForceAttempts, 0, 1_000_000, errors),
            DurationSeconds = Int(args, "duration", (int)defaults.DurationSeconds, 1, 86_400, errors),
        };
        Uri? target = null;
        if (args.Value("target") is { } text)
        {
            if (LoopbackTarget.Validate(text, out var uri) is { } refused)
            {
                errors.Add(refused);
            }
            target = uri;
        }
        if (errors.Count > 0)
        {
            errors.ForEach(e => Console.Error.WriteLine($"error: {e}"));
            return 2;
        }

        var environment = RunEnvironment.Capture(time);
        Console.WriteLine($"planning seed {settings.Seed}: {settings.Users} users, attacks {settings.StuffingAttempts}/{settings.ResidentialStuffingAttempts}/{settings.SprayingAttempts}/{settings.BruteForceAttempts}");
        var result = await RunAsync(settings, target, args.Values("gateway-arg"), time, cancellationToken).ConfigureAwait(false);
        var directory = args.Value("out") is { } outDir
            ? Path.GetFullPath(outDir)
            : Path.Combine(LoadTestOptions.RepositoryRoot() is { } repo ? Path.Combine(repo, "loadtests", "results") : "results",
                $"{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-login-sim-seed{settings.Seed}");
        var targetName = target?.ToString() ?? "the in-process gateway and demo shop";
        foreach (var line in LoginSimReport.WriteAll(directory, settings, result, environment, targetName))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine();
        Console.WriteLine(LoginSimReport.MarkdownText(settings, result, environment, targetName));
        return result.Errors > 0 ? 1 : 0;
    }

    /// <summary>Plans and plays one simulation; starts (and stops) the gateway unless a target is given.</summary>
    public static async Task<LoginSimResult> RunAsync(LoginSimSettings settings, Uri? target, IEnumerable<string> gatewaySettings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var catalog = NetworkCatalogLoader.Load(settings);
        var events = LoginSimPlanner.Plan(settings, catalog);
        Console.WriteLine($"planned {events.Count} attempts over {settings.DurationSeconds} s");
        SimGateway? gateway = null;
        try
        {
            if (target is null)
            {
                // The user's settings come last and win over the scaled windows.
                gateway = await SimGateway.StartAsync([.. ScaledSurgeWindows(settings), .. gatewaySettings]).ConfigureAwait(false);
                target = gateway.Address;
            }
            var progress = new Progress<int>(i => Console.WriteLine($"  {i} of {events.Count} sent"));
            return await LoginSimRunner.RunAsync(target, events, TimeSpan.FromSeconds(settings.DurationSeconds), time, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The bundled profiles' surge half-lives scaled from site time to the run's wall-clock time
    /// (a 2 h span in 60 s: 120 s becomes 1 s). A <c>--target</c> gateway keeps its own, real-time ones.
    /// </summary>
    internal static IEnumerable<string> ScaledSurgeWindows(LoginSimSettings settings)
    {
        var scale = settings.DurationSeconds / settings.SimulatedSpan.TotalSeconds;
        var defaults = new LoginSurgeOptions();
        foreach (var profile in (string[])["form", "json"])
        {
            var key = $"Protection:Login:Profiles:{profile}:Surge:";
            yield return FormattableString.Invariant($"{key}{nameof(LoginSurgeOptions.ShortHalfLifeSeconds)}={defaults.ShortHalfLifeSeconds * scale:0.###}");
            yield return FormattableString.Invariant($"{key}{nameof(LoginSurgeOptions.BaselineHalfLifeSeconds)}={defaults.BaselineHalfLifeSeconds * scale:0.###}");
        }
    }

    private static int Int(ArgumentList args, string name, int fallback, int min, int max, List<string> errors)
    {
        if (args.Value(name) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add($"--{name} must be a whole number within [{min}, {max}], not '{text}'");
        return fallback;
    }
}
