using System.Diagnostics.Metrics;
using System.Text.Json;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Model;
using Gateway.Scoring.Telemetry;
using Gateway.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The committed fixture models (tests/fixtures/onnx, made by make_fixture_model.py) and what it
/// takes to load one with the real ONNX Runtime the build copies next to the test assembly.
/// </summary>
internal sealed class ContentModelFixture : IDisposable
{
    public const string Schema = "fixture-content-v1";
    public const int FeatureCount = 16;

    private readonly ServiceProvider _services;

    public ContentModelFixture()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new ProtectionMetrics(MeterFactory);
        Logs = new CapturingLoggerProvider();
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
            builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public IMeterFactory MeterFactory { get; }

    public ProtectionMetrics Metrics { get; }

    public CapturingLoggerProvider Logs { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ConfigurationErrors Errors { get; } = new();

    public static string ModelPath(string fileName = "content-fixture.onnx") =>
        RepoPaths.InRepo("tests", "fixtures", "onnx", fileName);

    public static AssetPaths Paths => new(RepoPaths.Root);

    public static IReadOnlyList<ExpectedRow> ExpectedRows { get; } = ReadExpectedRows();

    public static ModelOptions Options(string fileName = "content-fixture.onnx") => new() { Path = ModelPath(fileName) };

    public OnnxContentScorer? TryLoad(ModelOptions options, string schema = Schema, TimeProvider? timeProvider = null) =>
        OnnxContentScorer.Load(options, Paths, schema, Errors, Metrics, LoggerFactory, timeProvider: timeProvider);

    public OnnxContentScorer Load(ModelOptions options, TimeProvider? timeProvider = null)
    {
        var scorer = TryLoad(options, timeProvider: timeProvider);
        Assert.True(scorer is not null, string.Join(Environment.NewLine, Errors.Errors));
        return scorer;
    }

    public void Dispose()
    {
        LoggerFactory.Dispose();
        _services.Dispose();
    }

    private static List<ExpectedRow> ReadExpectedRows()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(ModelPath("content-fixture.expected.json")));
        Assert.Equal(Schema, document.RootElement.GetProperty("featureSchema").GetString());
        var rows = new List<ExpectedRow>();
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            var features = new List<float>();
            foreach (var value in row.GetProperty("features").EnumerateArray())
            {
                features.Add(value.GetSingle());
            }
            Assert.Equal(FeatureCount, features.Count);
            rows.Add(new ExpectedRow([.. features], row.GetProperty("probability").GetSingle()));
        }
        return rows;
    }
}

internal sealed record ExpectedRow(float[] Features, float Probability);
