using System.Text.Json;
using Gateway.Scoring.Content;
using Gateway.Scoring.Model;
using Gateway.Scoring.Model.OnnxRuntime;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Tests.Model;

/// <summary>
/// The bundled model takes the sparse input layout; tests/fixtures/model/content-model-dense.onnx
/// holds the same weights in the dense layout, written by the same training run. Through the real
/// ONNX Runtime both must give the same probabilities — one row at a time, in batches mixing rows
/// of very different non-zero counts, for an all-zero row and for a row with every feature set —
/// and both must match numpy's reference probabilities.
/// </summary>
public sealed class DenseAndSparseLayoutTests : IDisposable
{
    /// <summary>Same weights, float32 sums in a different order: rounding differences only.</summary>
    private const double LayoutTolerance = 1e-6;

    /// <summary>numpy sums in float64; a few hundred float32 terms stay well within this.</summary>
    private const double NumpyTolerance = 1e-4;

    private static readonly string DenseModelPath = RepoPaths.InRepo("tests", "fixtures", "model", "content-model-dense.onnx");
    private static readonly string ReferencePath = RepoPaths.InRepo("tests", "fixtures", "model", "reference.jsonl");
    private static readonly string Schema = new ContentFeatureExtractor().SchemaVersion;

    private readonly ContentModelFixture _fixture = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _fixture.Dispose();
    }

    [Fact]
    public void Models_AreTheSparseBundledModelAndItsDenseTwin()
    {
        var sparse = Runner(BundledModel.ModelPath, 1);
        var dense = Runner(DenseModelPath, 1);

        Assert.Equal(ContentModelInputLayout.Sparse, sparse.Layout);
        Assert.Equal(ContentModelInputLayout.Dense, dense.Layout);
        Assert.Equal(dense.FeatureCount, sparse.FeatureCount);
    }

    [Fact]
    public async Task ScoreAsync_InlineOneRowAtATime_BothLayoutsGiveNumpysProbabilities()
    {
        var sparse = Scorer(BundledModel.ModelPath, inlineRunners: 1);
        var dense = Scorer(DenseModelPath, inlineRunners: 1);
        var rows = ReferenceRows(sparse.FeatureCount);

        foreach (var (name, features, numpy) in rows)
        {
            var fromSparse = await sparse.ScoreAsync(features, CancellationToken.None);
            var fromDense = await dense.ScoreAsync(features, CancellationToken.None);

            Assert.Equal(ContentScoreStatus.Scored, fromSparse.Status);
            Assert.Equal(ContentScoreStatus.Scored, fromDense.Status);
            AssertClose(fromDense.Probability, fromSparse.Probability, LayoutTolerance, $"{name}: sparse against dense");
            AssertClose(numpy, fromSparse.Probability, NumpyTolerance, $"{name}: sparse against numpy");
        }
        Assert.True(rows.Count >= 100, $"{ReferencePath} holds {rows.Count} rows");
    }

    [Fact]
    public void Run_OneBatchOfRowsWithVeryDifferentNonZeroCounts_EqualsTheDenseLayoutRowByRow()
    {
        var rows = MixedRows(Runner(DenseModelPath, 1).FeatureCount);
        var sparse = Runner(BundledModel.ModelPath, rows.Count);
        var dense = Runner(DenseModelPath, rows.Count);
        var alone = Runner(DenseModelPath, 1);

        var fromSparse = RunAll(sparse, rows);
        var fromDense = RunAll(dense, rows);

        // The every-feature row needs all F + 1 slots: the batch runs in the largest bucket.
        Assert.Equal(sparse.FeatureCount + 1, ((SparseModelInput)sparse.Input).BoundSlots);
        for (var i = 0; i < rows.Count; i++)
        {
            alone.SetRow(0, rows[i].Features);
            Assert.Null(alone.Run(1));
            AssertClose(alone.Outputs(1)[0], fromDense[i], LayoutTolerance, $"{rows[i].Name}: dense batch against dense alone");
            AssertClose(fromDense[i], fromSparse[i], LayoutTolerance, $"{rows[i].Name}: sparse batch against dense");
        }
    }

    [Fact]
    public void Run_ReferenceRowsInBatchesOfEverySize_EqualTheDenseLayout()
    {
        var rows = ReferenceRows(Runner(DenseModelPath, 1).FeatureCount);
        var sparse = Runner(BundledModel.ModelPath, 64);
        var dense = Runner(DenseModelPath, 64);

        foreach (var size in new[] { 1, 2, 3, 16, 17, 64 })
        {
            for (var start = 0; start + size <= rows.Count; start += size)
            {
                var batch = rows.GetRange(start, size);
                var fromSparse = RunAll(sparse, batch);
                var fromDense = RunAll(dense, batch);
                for (var i = 0; i < size; i++)
                {
                    AssertClose(fromDense[i], fromSparse[i], LayoutTolerance, $"{batch[i].Name} in a batch of {size}");
                    AssertClose(batch[i].Numpy, fromSparse[i], NumpyTolerance, $"{batch[i].Name} in a batch of {size}, against numpy");
                }
            }
        }
    }

    [Fact]
    public void Run_AgainWithoutNewRows_OrOverFewerRows_SeesTheRowsLastSet()
    {
        var rows = MixedRows(Runner(DenseModelPath, 1).FeatureCount);
        var sparse = Runner(BundledModel.ModelPath, rows.Count);
        var expected = RunAll(Runner(DenseModelPath, rows.Count), rows);
        var all = RunAll(sparse, rows);

        Assert.Null(sparse.Run(rows.Count));
        var again = sparse.Outputs(rows.Count).ToArray();
        Assert.Null(sparse.Run(3));
        var firstThree = sparse.Outputs(3).ToArray();
        sparse.SetRow(1, rows[^1].Features);
        Assert.Null(sparse.Run(rows.Count));
        var replaced = sparse.Outputs(rows.Count).ToArray();

        for (var i = 0; i < rows.Count; i++)
        {
            AssertClose(expected[i], all[i], LayoutTolerance, $"{rows[i].Name}: first run");
            AssertClose(expected[i], again[i], LayoutTolerance, $"{rows[i].Name}: same rows again");
            AssertClose(expected[i == 1 ? rows.Count - 1 : i], replaced[i], LayoutTolerance, $"{rows[i].Name}: after row 1 was replaced");
        }
        for (var i = 0; i < 3; i++)
        {
            AssertClose(expected[i], firstThree[i], LayoutTolerance, $"{rows[i].Name}: first three rows alone");
        }
    }

    [Fact]
    public async Task ScoreAsync_OneWorkerBatchOfMixedRows_BothLayoutsAgree()
    {
        var featureCount = Runner(DenseModelPath, 1).FeatureCount;
        var rows = MixedRows(featureCount);
        rows.AddRange(ReferenceRows(featureCount).Take(40));
        var fromSparse = await ScoreAsOneWorkerBatch(BundledModel.ModelPath, rows);
        var fromDense = await ScoreAsOneWorkerBatch(DenseModelPath, rows);

        for (var i = 0; i < rows.Count; i++)
        {
            AssertClose(fromDense[i], fromSparse[i], LayoutTolerance, $"{rows[i].Name}: worker batch, sparse against dense");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SetPackedRow_GivesTheSameAnswersAsTheDenseRow(bool sparseLayout)
    {
        var rows = MixedRows(Runner(DenseModelPath, 1).FeatureCount);
        var path = sparseLayout ? BundledModel.ModelPath : DenseModelPath;
        var fromDense = RunAll(Runner(path, rows.Count), rows);
        var runner = Runner(path, rows.Count);
        var index = new int[runner.FeatureCount];
        var value = new float[runner.FeatureCount];

        for (var i = 0; i < rows.Count; i++)
        {
            // The previous row's pairs first, so that a row left over from before would show.
            runner.SetRow(i, rows[(i + 1) % rows.Count].Features);
            var count = NonZeroPacker.Pack(rows[i].Features, index, value);
            runner.SetPackedRow(i, index.AsSpan(0, count), value.AsSpan(0, count));
        }
        Assert.Null(runner.Run(rows.Count));

        for (var i = 0; i < rows.Count; i++)
        {
            AssertClose(fromDense[i], runner.Outputs(rows.Count)[i], LayoutTolerance, $"{rows[i].Name}: packed row against dense row");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SetRowAndRun_OnceEveryShapeWasSeen_AllocateNothing(bool sparseLayout)
    {
        var rows = MixedRows(Runner(DenseModelPath, 1).FeatureCount);
        var runner = Runner(sparseLayout ? BundledModel.ModelPath : DenseModelPath, rows.Count);
        RunAll(runner, rows);
        RunAll(runner, rows.GetRange(0, 2));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            var size = round % 2 == 0 ? rows.Count : 2;
            for (var i = 0; i < size; i++)
            {
                runner.SetRow(i, rows[i].Features);
            }
            Assert.Null(runner.Run(size));
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    /// <summary>Holds the worker on a first request, queues every row behind it, then lets one batch run.</summary>
    private async Task<float[]> ScoreAsOneWorkerBatch(string modelPath, List<LayoutRow> rows)
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        var scorer = Scorer(modelPath, inlineRunners: 0, maxBatchSize: rows.Count);
        using var gate = new WorkerGate(scorer);
        var first = scorer.ScoreAsync(rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var queued = new ValueTask<ContentScore>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            queued[i] = scorer.ScoreAsync(rows[i].Features, CancellationToken.None);
        }
        gate.Release();
        await first;

        var probabilities = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var score = await queued[i];
            // The all-zero row is answered from the cached empty-content score, without the batch.
            Assert.Equal(ContentScoreStatus.Scored, score.Status);
            probabilities[i] = score.Probability;
        }
        Assert.Equal(rows.Count - 1, batchSizes.Sizes[^1]);
        return probabilities;
    }

    private OnnxContentScorer Scorer(string modelPath, int inlineRunners, int maxBatchSize = 64)
    {
        var options = new ModelOptions { Path = modelPath, InlineRunners = inlineRunners, MaxBatchSize = maxBatchSize };
        var scorer = _fixture.TryLoad(options, Schema);
        Assert.True(scorer is not null, string.Join(Environment.NewLine, _fixture.Errors.Errors));
        _owned.Add(scorer);
        return scorer;
    }

    private ContentModelRunner Runner(string modelPath, int maxBatchSize)
    {
        var library = OrtLibrary.Load(OrtLibrary.DefaultPath, NullLogger.Instance);
        var session = OrtSession.Open(library, modelPath, new OrtSessionSettings(1, false, 0, false));
        var problems = ContentModelContract.Check(session, Schema, out var shape);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var runner = new ContentModelRunner(session, shape, maxBatchSize);
        _owned.Add(runner);
        return runner;
    }

    private static float[] RunAll(ContentModelRunner runner, List<LayoutRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            runner.SetRow(i, rows[i].Features);
        }
        Assert.Null(runner.Run(rows.Count));
        return runner.Outputs(rows.Count).ToArray();
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>reference.jsonl's exported feature vectors (not re-extracted: the extractor has its own tests).</summary>
    private static List<LayoutRow> ReferenceRows(int featureCount)
    {
        var rows = new List<LayoutRow>();
        foreach (var line in File.ReadLines(ReferencePath))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            var features = new float[featureCount];
            var values = row.GetProperty("feature_values").EnumerateArray().GetEnumerator();
            foreach (var index in row.GetProperty("feature_indices").EnumerateArray())
            {
                Assert.True(values.MoveNext());
                features[index.GetInt32()] = values.Current.GetSingle();
            }
            rows.Add(new LayoutRow(
                $"{row.GetProperty("source").GetString()}:{row.GetProperty("line").GetInt32()}", features,
                row.GetProperty("probability").GetDouble()));
        }
        return rows;
    }

    /// <summary>
    /// Reference rows of the fewest and the most non-zero features, an all-zero row and a row with
    /// every feature set, interleaved so that short rows sit between long ones in the batch.
    /// </summary>
    private static List<LayoutRow> MixedRows(int featureCount)
    {
        var reference = ReferenceRows(featureCount);
        reference.Sort((a, b) => NonZeros(a.Features).CompareTo(NonZeros(b.Features)));
        var every = new float[featureCount];
        for (var i = 0; i < featureCount; i++)
        {
            // Small values of both signs, so the sum of 2,109 terms stays in the sigmoid's useful range.
            every[i] = ((i * 7919 % 13) - 6.5f) / 64f;
        }
        var rows = new List<LayoutRow>
        {
            reference[0],
            reference[^1],
            new("all-zero row", new float[featureCount], double.NaN),
            reference[1],
            new("every feature set", every, double.NaN),
            reference[reference.Count / 2],
            reference[^2],
        };
        Assert.True(NonZeros(reference[^1].Features) > 4 * Math.Max(1, NonZeros(reference[0].Features)),
            "the reference rows should span very different non-zero counts");
        return rows;
    }

    private static int NonZeros(float[] features)
    {
        var count = 0;
        foreach (var feature in features)
        {
            count += feature != 0f ? 1 : 0;
        }
        return count;
    }

    private sealed record LayoutRow(string Name, float[] Features, double Numpy);
}
