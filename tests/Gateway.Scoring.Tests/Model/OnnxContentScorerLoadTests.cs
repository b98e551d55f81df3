using Gateway.Scoring.Model;
using Gateway.Scoring.Model.OnnxRuntime;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Tests.Model;

public sealed class OnnxContentScorerLoadTests : IDisposable
{
    private readonly ContentModelFixture _fixture = new();
    private readonly string _tempDirectory = Directory.CreateTempSubdirectory("gateway-model-tests-").FullName;

    public void Dispose()
    {
        _fixture.Dispose();
        Directory.Delete(_tempDirectory, recursive: true);
    }

    [Fact]
    public void Load_FixtureModel_ServesItWithTheModelsFeatureCount()
    {
        using var scorer = _fixture.TryLoad(ContentModelFixture.Options());

        Assert.NotNull(scorer);
        Assert.Equal(16, scorer.FeatureCount);
        Assert.Empty(_fixture.Errors.Errors);
        Assert.Empty(_fixture.Errors.Warnings);
        Assert.Contains(_fixture.Logs.Entries, e => e.Message.Contains("ONNX Runtime 1.30.0 on Cpu"));
    }

    [Fact]
    public void Load_SparseFixtureModel_ServesItWithTheSparseLayout()
    {
        using var scorer = _fixture.TryLoad(ContentModelFixture.Options("content-fixture-sparse.onnx"));

        Assert.NotNull(scorer);
        Assert.Equal(16, scorer.FeatureCount);
        Assert.Empty(_fixture.Errors.Errors);
        Assert.Contains(_fixture.Logs.Entries, e => e.Message.Contains("16 features (Sparse input)"));
    }

    [Fact]
    public void Load_ModelBreakingSeveralRules_ReportsEachOneForThatFile()
    {
        var fileName = "bad-sparse-fixed-slots.onnx";

        var scorer = _fixture.TryLoad(ContentModelFixture.Options(fileName), schema: "content-v2");

        Assert.Null(scorer);
        var prefix = $"Protection:Model:Path: {ContentModelFixture.ModelPath(fileName)}: model ";
        Assert.Equal(3, _fixture.Errors.Errors.Count);
        Assert.All(_fixture.Errors.Errors, error => Assert.StartsWith(prefix, error));
        Assert.Contains(_fixture.Errors.Errors, error => error.Contains("'feature_index' has a fixed slot dimension of 8"));
        Assert.Contains(_fixture.Errors.Errors, error => error.Contains("'feature_value' has a fixed slot dimension of 8"));
    }

    [Fact]
    public void Load_MissingModelFile_ReportsThePathKeyAndTheFile()
    {
        var path = Path.Combine(_tempDirectory, "absent.onnx");

        var scorer = _fixture.TryLoad(new ModelOptions { Path = path });

        Assert.Null(scorer);
        Assert.Equal([$"Protection:Model:Path: {path}: model file not found."], _fixture.Errors.Errors);
    }

    [Fact]
    public void Load_CorruptModelFile_ReportsOnnxRuntimesMessageForThatFile()
    {
        var path = Path.Combine(_tempDirectory, "corrupt.onnx");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(ContentModelFixture.ModelPath()).Take(200), .. "not protobuf"u8.ToArray()]);

        var scorer = _fixture.TryLoad(new ModelOptions { Path = path });

        Assert.Null(scorer);
        var error = Assert.Single(_fixture.Errors.Errors);
        Assert.StartsWith($"Protection:Model:Path: {path}: ONNX Runtime 1.30.0 cannot load the model: ", error);
    }

    [Fact]
    public void Load_SchemaMismatch_NamesTheFileAndBothSchemas()
    {
        var scorer = _fixture.TryLoad(ContentModelFixture.Options(), schema: "content-v2");

        Assert.Null(scorer);
        var error = Assert.Single(_fixture.Errors.Errors);
        Assert.Equal(
            $"Protection:Model:Path: {ContentModelFixture.ModelPath()}: model was trained for feature schema 'fixture-content-v1' " +
            "but the gateway extracts 'content-v2'; retrain or deploy the matching model.",
            error);
    }

    [Theory]
    [InlineData("bad-input-name.onnx", "model must have either one input 'features' tensor(Float)[N,F] (dense layout) or exactly two inputs 'feature_index' tensor(Int32)[N,K] and 'feature_value' tensor(Float)[N,K] (sparse layout); it has 'x' tensor(Float)[-1,16].")]
    [InlineData("bad-sparse-third-input.onnx", "model must have either one input 'features' tensor(Float)[N,F] (dense layout) or exactly two inputs 'feature_index' tensor(Int32)[N,K] and 'feature_value' tensor(Float)[N,K] (sparse layout); it has 'feature_index' tensor(Int32)[-1,-1], 'feature_value' tensor(Float)[-1,-1], 'feature_mask' tensor(Float)[-1,-1].")]
    [InlineData("bad-sparse-index-type.onnx", "model input 'feature_index' must be tensor(Int32)[N,K]; it is tensor(Int64)[-1,-1].")]
    [InlineData("bad-sparse-fixed-slots.onnx", "model input 'feature_index' has a fixed slot dimension of 8; export it with a dynamic second dimension so each batch can take as many slots as its rows need.")]
    [InlineData("bad-sparse-says-dense.onnx", "model has 'feature_input' = 'dense-v1' but its inputs are the sparse ('sparse-v1') layout's.")]
    [InlineData("bad-dense-says-sparse.onnx", "model has 'feature_input' = 'sparse-v1' but its inputs are the dense ('dense-v1') layout's.")]
    [InlineData("bad-unknown-layout.onnx", "model has 'feature_input' = 'csr-v9'; the gateway serves 'dense-v1' and 'sparse-v1'.")]
    [InlineData("bad-output-name.onnx", "model has no output named 'attack_probability'; it has 'score' tensor(Float)[-1].")]
    [InlineData("bad-input-type.onnx", "model input 'features' must be tensor(Float)[N,F]; it is tensor(Double)[-1,16].")]
    [InlineData("bad-output-rank.onnx", "model output 'attack_probability' must be tensor(Float)[N] with N dynamic; it is tensor(Float)[-1,1].")]
    [InlineData("bad-fixed-batch.onnx", "model input 'features' has a fixed batch dimension of 1; export it with a dynamic first dimension so requests can be batched.")]
    [InlineData("bad-no-schema.onnx", "model has no 'feature_schema' metadata; expected 'fixture-content-v1'.")]
    [InlineData("bad-feature-count.onnx", "model input 'features' takes 16 features but 'feature_count' says 12.")]
    public void Load_ModelBreakingTheContract_SaysWhichRuleAndWhichFile(string fileName, string expected)
    {
        var scorer = _fixture.TryLoad(ContentModelFixture.Options(fileName));

        Assert.Null(scorer);
        Assert.Contains($"Protection:Model:Path: {ContentModelFixture.ModelPath(fileName)}: {expected}", _fixture.Errors.Errors);
    }

    [Fact]
    public void Load_NativeLibraryMissing_ReportsTheLibraryKeyAndPath()
    {
        var library = Path.Combine(_tempDirectory, "libonnxruntime.so.1");
        var options = ContentModelFixture.Options();
        options.NativeLibraryPath = library;

        var scorer = _fixture.TryLoad(options);

        Assert.Null(scorer);
        var error = Assert.Single(_fixture.Errors.Errors);
        Assert.StartsWith($"Protection:Model:NativeLibraryPath: {library}: cannot load ONNX Runtime: ONNX Runtime library not found.", error);
    }

    [Fact]
    public void Load_NativeLibraryIsNotALibrary_ReportsTheLoadersMessage()
    {
        var library = Path.Combine(_tempDirectory, "not-a-library.so");
        File.WriteAllText(library, "plain text");
        var options = ContentModelFixture.Options();
        options.NativeLibraryPath = library;

        var scorer = _fixture.TryLoad(options);

        Assert.Null(scorer);
        var error = Assert.Single(_fixture.Errors.Errors);
        Assert.StartsWith($"Protection:Model:NativeLibraryPath: {library}: cannot load ONNX Runtime: ", error);
    }

    [Fact]
    public void Load_OptionalModelMissing_WarnsInsteadOfFailing()
    {
        var path = Path.Combine(_tempDirectory, "absent.onnx");

        var scorer = _fixture.TryLoad(new ModelOptions { Path = path, Optional = true });

        Assert.Null(scorer);
        Assert.False(_fixture.Errors.HasErrors);
        Assert.Equal([$"Protection:Model:Path: {path}: model file not found."], _fixture.Errors.Warnings);
    }

    [Fact]
    public void Load_InvalidOptions_ReportsEveryOneBeforeTouchingTheModel()
    {
        var options = new ModelOptions
        {
            Path = Path.Combine(_tempDirectory, "absent.onnx"),
            MaxBatchSize = 0,
            MaxQueueDepth = 0,
            IntraOpThreads = -1,
        };

        var scorer = OnnxContentScorer.Load(
            options, ContentModelFixture.Paths, ContentModelFixture.Schema, _fixture.Errors, _fixture.Metrics,
            _fixture.LoggerFactory, keyPrefix: "Gateway:Content:Model");

        Assert.Null(scorer);
        Assert.Equal(
            [
                "Gateway:Content:Model:MaxBatchSize: must be between 1 and 4096, not 0.",
                "Gateway:Content:Model:MaxQueueDepth: must be 1 or more, not 0.",
                "Gateway:Content:Model:IntraOpThreads: must be 0 (ONNX Runtime chooses) or more, not -1.",
            ],
            _fixture.Errors.Errors);
    }

    [Fact]
    public async Task Load_CudaRequestedOnTheCpuOnlyLibrary_WarnsOnceAndScoresOnTheCpu()
    {
        var options = ContentModelFixture.Options();
        options.ExecutionProvider = ModelExecutionProvider.Cuda;

        using var scorer = _fixture.TryLoad(options);

        Assert.NotNull(scorer);
        Assert.Empty(_fixture.Errors.Errors);
        var warning = Assert.Single(_fixture.Logs.Entries, e =>
            e.Level == LogLevel.Warning && e.Category == typeof(OnnxContentScorer).FullName);
        Assert.StartsWith("CUDA execution provider (device 0) is not available, the content model runs on the CPU. ONNX Runtime: ", warning.Message);
        Assert.Contains(_fixture.Logs.Entries, e => e.Message.Contains("ONNX Runtime 1.30.0 on Cpu"));
        var row = ContentModelFixture.ExpectedRows[5];
        Assert.Equal(row.Probability, (await scorer.ScoreAsync(row.Features, CancellationToken.None)).Probability, 1e-5);
    }
}
