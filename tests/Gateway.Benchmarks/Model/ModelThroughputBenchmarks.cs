using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Model;
using Gateway.Scoring.Model.OnnxRuntime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Model;

/// <summary>
/// Model throughput: one ONNX Runtime run of the bundled content model over a batch of 1, 16,
/// 64, 256 or 1,024 rows (real feature vectors of the representative requests, cycled), with
/// one or two intra-op threads. The <c>rows/s</c> column is batch size ÷ mean time of one run;
/// allocations are per run. The rows are already extracted: feature extraction is
/// <c>ContentExtractionBenchmarks</c>, and the scorer's queueing is <c>ContentModelBenchmarks</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RowsPerSecondConfig))]
public class ModelThroughputBenchmarks
{
    private const int LargestBatch = 1024;
    private ContentModelRunner _runner = null!;

    [Params(1, 16, 64, 256, 1024)]
    public int BatchSize { get; set; }

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var extractor = new ContentFeatureExtractor();
        var options = BenchmarkAssets.Configuration().GetSection("Protection:Model").Get<ModelOptions>()!;
        var paths = new AssetPaths(BenchmarkAssets.GatewayContentRoot);
        var library = OrtLibrary.Load(
            options.NativeLibraryPath is null ? OrtLibrary.DefaultPath : paths.Resolve(options.NativeLibraryPath), NullLogger.Instance);
        var session = OrtSession.Open(library, paths.Resolve(options.Path),
            new OrtSessionSettings(IntraOpThreads, false, 0, options.AllowSpinning));
        var problems = ContentModelContract.Check(session, extractor.SchemaVersion, out var featureCount);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
        _runner = new ContentModelRunner(session, featureCount, LargestBatch);

        RepresentativeRequests.Sample[] samples =
        [
            RepresentativeRequests.BenignGet, RepresentativeRequests.BenignPost, RepresentativeRequests.SqlInjection,
            RepresentativeRequests.XssPost, RepresentativeRequests.LargeEncodedPost,
        ];
        for (var row = 0; row < LargestBatch; row++)
        {
            extractor.Extract(RepresentativeRequests.Content(samples[row % samples.Length]), _runner.InputRow(row));
        }
        // The first run of each batch size creates its tensors; keep that out of the measurement.
        _runner.Run(BatchSize);
    }

    [GlobalCleanup]
    public void Cleanup() => _runner.Dispose();

    [Benchmark(Description = "ONNX Runtime run of one batch")]
    public string? RunBatch() => _runner.Run(BatchSize);

    private sealed class RowsPerSecondConfig : ManualConfig
    {
        public RowsPerSecondConfig() => AddColumn(new RowsPerSecondColumn());
    }
}
