using System.Diagnostics.Metrics;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks;

/// <summary>
/// The gateway's bundled configuration and assets (<c>src/Gateway/appsettings.json</c> and
/// <c>src/Gateway/assets</c>), loaded the way the host loads them, through
/// <see cref="ProtectionRuntime.Create"/>. Whatever model sits there is the one benchmarked.
/// </summary>
internal static class BenchmarkAssets
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string GatewayContentRoot => Path.Combine(RepositoryRoot, "src", "Gateway");

    /// <summary>Prefix of environment variables that override the gateway configuration for a benchmark
    /// run, e.g. <c>GATEWAY_BENCH_Protection__Model__Path=/models/candidate.onnx</c> to measure another model.</summary>
    public const string EnvironmentPrefix = "GATEWAY_BENCH_";

    /// <param name="overrides">Configuration keys to set on top of appsettings.json, e.g. ("ConnectionStrings:Redis", "").</param>
    public static IConfiguration Configuration(params (string Key, string? Value)[] overrides) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(GatewayContentRoot, "appsettings.json"), optional: false)
        .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build();

    public static ProtectionMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    /// <summary>
    /// Turns the content-score cache off. Benchmarks send one request over and over, which the cache
    /// would answer from memory after the second time: cases measure the full path unless they say so.
    /// </summary>
    public static readonly (string Key, string? Value) NoScoreCache = ("Protection:Model:ScoreCacheEntries", "0");

    /// <summary>The full runtime (lists, geo, model, in-process store) as the gateway builds it at startup, without the score cache.</summary>
    public static ProtectionRuntime CreateRuntime(bool scoreCache = false) => ProtectionRuntime.Create(
        scoreCache ? Configuration(("ConnectionStrings:Redis", "")) : Configuration(("ConnectionStrings:Redis", ""), NoScoreCache),
        GatewayContentRoot, Metrics(), TimeProvider.System, NullLoggerFactory.Instance);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Gateway.sln not found above {AppContext.BaseDirectory}; run the benchmarks from the repository's build output.");
    }
}
