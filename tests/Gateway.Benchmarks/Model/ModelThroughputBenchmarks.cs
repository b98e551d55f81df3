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
/// Model throughput, dense against sparse input layout side by side: the bundled content model
/// (sparse: a row's non-zero features) and its dense twin with the same weights
/// (tests/fixtures/model/content-model-dense.onnx), over batches of 1, 16, 64, 256 or 1,024 rows of
/// real feature vectors (the representative requests, cycled), with one or two intra-op threads.
/// <list type="bullet">
/// <item><c>run</c>: setting the rows (the dense copy, or the sparse pack of non-zeros) and one ONNX
/// Runtime run, rows already extracted: what the scorer's worker does per batch.</item>
/// <item><c>extract+run</c>: each row's feature extraction too, end to end for the scorer.</item>
/// </list>
/// The <c>rows/s</c> column is batch size ÷ mean time; the ratio column is sparse ÷ dense within
/// each category and parameter set; allocations are per batch.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ModelThroughputBenchmarks
{
    private const int LargestBatch = 1024;
    private readonly ContentFeatureExtractor _extractor = new();
    private ContentModelRunner _dense = null!;
    private ContentModelRunner _sparse = null!;
    private float[][] _rows = null!;
    private RequestContent[] _contents = null!;
    private float[] _scratch = null!;

    private static readonly RepresentativeRequests.Sample[] Samples =
    [
        RepresentativeRequests.BenignGet, RepresentativeRequests.BenignPost, RepresentativeRequests.SqlInjection,
        RepresentativeRequests.XssPost, RepresentativeRequests.LargeEncodedPost,
    ];

    [Params(1, 16, 64, 256, 1024)]
    public int BatchSize { get; set; }

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    /// <summary>The twin the training run writes beside the bundled model, with the same weights.</summary>
    public static string DenseTwinPath => Path.Combine(BenchmarkAssets.RepositoryRoot, "tests", "fixtures", "model", "content-model-dense.onnx");

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchmarkAssets.Configuration().GetSection("Protection:Model").Get<ModelOptions>()!;
        var paths = new AssetPaths(BenchmarkAssets.GatewayContentRoot);
        _sparse = OpenRunner(options, paths, paths.Resolve(options.Path), ContentModelInputLayout.Sparse);
        _dense = OpenRunner(options, paths, DenseTwinPath, ContentModelInputLayout.Dense);
        _rows = new float[Samples.Length][];
        _contents = new RequestContent[Samples.Length];
        for (var i = 0; i < Samples.Length; i++)
        {
            _rows[i] = new float[_extractor.FeatureCount];
            _contents[i] = RepresentativeRequests.Content(Samples[i]);
            _extractor.Extract(_contents[i], _rows[i]);
        }
        _scratch = new float[_extractor.FeatureCount];
        Console.WriteLine("// non-zero features per row: " + string.Join(", ", _rows.Select(r => r.Count(f => f != 0f))));
        // The first run of each shape creates its tensors; keep that out of the measurement.
        Run();
        RunSparse();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _dense.Dispose();
        _sparse.Dispose();
    }

    [BenchmarkCategory("run"), Benchmark(Baseline = true, Description = "dense: set rows + run")]
    public string? Run() => SetAndRun(_dense);

    [BenchmarkCategory("run"), Benchmark(Description = "sparse: pack rows + run")]
    public string? RunSparse() => SetAndRun(_sparse);

    [BenchmarkCategory("extract+run"), Benchmark(Baseline = true, Description = "dense: extract + set rows + run")]
    public string? ExtractAndRun() => ExtractSetAndRun(_dense);

    [BenchmarkCategory("extract+run"), Benchmark(Description = "sparse: extract + pack rows + run")]
    public string? ExtractAndRunSparse() => ExtractSetAndRun(_sparse);

    private string? SetAndRun(ContentModelRunner runner)
    {
        for (var row = 0; row < BatchSize; row++)
        {
            runner.SetRow(row, _rows[row % _rows.Length]);
        }
        return runner.Run(BatchSize);
    }

    private string? ExtractSetAndRun(ContentModelRunner runner)
    {
        for (var row = 0; row < BatchSize; row++)
        {
            _extractor.Extract(_contents[row % _contents.Length], _scratch);
            runner.SetRow(row, _scratch);
        }
        return runner.Run(BatchSize);
    }

    private ContentModelRunner OpenRunner(ModelOptions options, AssetPaths paths, string modelPath, ContentModelInputLayout expected)
    {
        var library = OrtLibrary.Load(
            options.NativeLibraryPath is null ? OrtLibrary.DefaultPath : paths.Resolve(options.NativeLibraryPath), NullLogger.Instance);
        var session = OrtSession.Open(library, modelPath, new OrtSessionSettings(IntraOpThreads, false, 0, options.AllowSpinning));
        var problems = ContentModelContract.Check(session, _extractor.SchemaVersion, out var shape);
        if (problems.Count > 0 || shape.Layout != expected)
        {
            throw new InvalidOperationException(
                $"{modelPath}: expected the {expected} layout, found {shape.Layout}. " + string.Join(Environment.NewLine, problems));
        }
        return new ContentModelRunner(session, shape, LargestBatch);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new RowsPerSecondColumn());
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        }
    }
}
