using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Content;
using Gateway.Scoring.Model;
using Gateway.Scoring.Model.OnnxRuntime;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Benchmarks.Model;

/// <summary>
/// The bundled content model, per request: ONNX Runtime alone on batches of 1, 8 and 64 rows, and
/// the micro-batching scorer for a lone request (on the caller's thread, and handed to the worker)
/// and for 64 concurrent ones. Batched figures are
/// per row (OperationsPerInvoke), so the ratio column shows what batching saves per request.
/// </summary>
[MemoryDiagnoser]
public class ContentModelBenchmarks
{
    private const int Concurrent = 64;
    private ContentModelRunner _runner = null!;
    private OnnxContentScorer _scorer = null!;
    private OnnxContentScorer _handOffScorer = null!;
    private float[] _vector = null!;
    private readonly ValueTask<ContentScore>[] _pending = new ValueTask<ContentScore>[Concurrent];

    [GlobalSetup]
    public void Setup()
    {
        var extractor = new ContentFeatureExtractor();
        var options = BenchmarkAssets.Configuration().GetSection("Protection:Model").Get<ModelOptions>()!;
        var paths = new AssetPaths(BenchmarkAssets.GatewayContentRoot);
        var errors = new ConfigurationErrors();
        _scorer = OnnxContentScorer.Load(options, paths, extractor.SchemaVersion, errors, BenchmarkAssets.Metrics(), NullLoggerFactory.Instance)
            ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Errors));

        var handOff = BenchmarkAssets.Configuration().GetSection("Protection:Model").Get<ModelOptions>()!;
        handOff.InlineRunners = 0;
        _handOffScorer = OnnxContentScorer.Load(handOff, paths, extractor.SchemaVersion, errors, BenchmarkAssets.Metrics(), NullLoggerFactory.Instance)
            ?? throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Errors));

        var library = OrtLibrary.Load(options.NativeLibraryPath is null ? OrtLibrary.DefaultPath : paths.Resolve(options.NativeLibraryPath), NullLogger.Instance);
        var session = OrtSession.Open(library, paths.Resolve(options.Path), new OrtSessionSettings(options.IntraOpThreads, false, 0));
        var problems = ContentModelContract.Check(session, extractor.SchemaVersion, out var shape);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
        _runner = new ContentModelRunner(session, shape, Concurrent);

        _vector = new float[shape.FeatureCount];
        extractor.Extract(RepresentativeRequests.Content(RepresentativeRequests.BenignPost), _vector);
        for (var row = 0; row < Concurrent; row++)
        {
            _runner.SetRow(row, _vector);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scorer.Dispose();
        _handOffScorer.Dispose();
        _runner.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ONNX Runtime, batch of 1")]
    public string? RunOne() => _runner.Run(1);

    [Benchmark(OperationsPerInvoke = 8, Description = "ONNX Runtime, batch of 8 (per row)")]
    public string? RunEight() => _runner.Run(8);

    [Benchmark(OperationsPerInvoke = Concurrent, Description = "ONNX Runtime, batch of 64 (per row)")]
    public string? RunSixtyFour() => _runner.Run(Concurrent);

    [Benchmark(Description = "scorer, one request alone (inline on the caller)")]
    public async Task<float> ScoreOne() => (await _scorer.ScoreAsync(_vector, CancellationToken.None)).Probability;

    [Benchmark(Description = "scorer, one request alone, handed to the worker (InlineRunners=0)")]
    public async Task<float> ScoreOneHandedOff() => (await _handOffScorer.ScoreAsync(_vector, CancellationToken.None)).Probability;

    [Benchmark(OperationsPerInvoke = Concurrent, Description = "scorer, 64 concurrent requests through the worker (per request)")]
    public async Task<float> ScoreConcurrent()
    {
        for (var i = 0; i < Concurrent; i++)
        {
            _pending[i] = _handOffScorer.ScoreAsync(_vector, CancellationToken.None);
        }
        var sum = 0f;
        for (var i = 0; i < Concurrent; i++)
        {
            sum += (await _pending[i]).Probability;
        }
        return sum;
    }
}
