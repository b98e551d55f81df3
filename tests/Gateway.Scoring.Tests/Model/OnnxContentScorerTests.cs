using Gateway.Scoring.Model;
using Gateway.Scoring.Model.OnnxRuntime;
using Gateway.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Tests.Model;

public sealed class OnnxContentScorerTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly ContentModelFixture _fixture = new();

    /// <summary>Fixture rows with some content: an all-zero row is answered without a model run
    /// (see the EmptyContent tests), so it would not exercise runners, batching or shedding.</summary>
    private static readonly IReadOnlyList<ExpectedRow> Rows =
        [.. ContentModelFixture.ExpectedRows.Where(row => row.Features.AsSpan().ContainsAnyExcept(0f))];

    private static ExpectedRow EmptyRow =>
        ContentModelFixture.ExpectedRows.Single(row => !row.Features.AsSpan().ContainsAnyExcept(0f));

    [Theory]
    [InlineData("content-fixture.onnx")]
    [InlineData("content-fixture-sparse.onnx")]
    public async Task ScoreAsync_EmptyContent_IsAnsweredWithTheModelsOwnScoreWithoutARun(string fileName)
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(ContentModelFixture.Options(fileName));
        var runs = 0;
        scorer.BatchStarting = _ => Interlocked.Increment(ref runs);

        var pending = scorer.ScoreAsync(EmptyRow.Features, CancellationToken.None);

        Assert.True(pending.IsCompletedSuccessfully);
        var score = await pending;
        Assert.Equal(ContentScoreStatus.Scored, score.Status);
        // The cached answer came from ONNX Runtime at load; it must equal numpy's reference.
        Assert.Equal(EmptyRow.Probability, score.Probability, Tolerance);
        Assert.Equal(0, runs);
        Assert.Empty(batchSizes.Sizes);
    }

    [Fact]
    public async Task ScoreAsync_EmptyContent_WhenTheLoadTimeRunFailed_GoesToTheModelLikeAnyRequest()
    {
        // This fixture model fails every odd-sized batch, so the one-row run at load fails too.
        using var scorer = _fixture.Load(ContentModelFixture.Options("runtime-fails-odd-batch.onnx"));

        Assert.Null(scorer.EmptyContentScore);
        Assert.Equal(ContentScore.Failed, await scorer.ScoreAsync(new float[ContentModelFixture.FeatureCount], CancellationToken.None));
    }

    public void Dispose() => _fixture.Dispose();

    /// <summary>Every request through the batching worker (no inline runners), for the tests of batching itself.</summary>
    private static ModelOptions WorkerOnly(string fileName = "content-fixture.onnx")
    {
        var options = ContentModelFixture.Options(fileName);
        options.InlineRunners = 0;
        return options;
    }

    [Fact]
    public async Task ScoreAsync_WithAFreeInlineRunner_RunsOnTheCallersThreadAndCompletesBeforeReturning()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(ContentModelFixture.Options());
        var caller = Environment.CurrentManagedThreadId;
        var runThreads = new List<int>();
        scorer.BatchStarting = _ => runThreads.Add(Environment.CurrentManagedThreadId);

        foreach (var row in Rows)
        {
            var pending = scorer.ScoreAsync(row.Features, CancellationToken.None);

            Assert.True(pending.IsCompletedSuccessfully);
            Assert.Equal(row.Probability, (await pending).Probability, Tolerance);
        }
        Assert.All(runThreads, thread => Assert.Equal(caller, thread));
        Assert.All(batchSizes.Sizes, size => Assert.Equal(1, size));
        Assert.Equal(Rows.Count, batchSizes.Sizes.Count);
    }

    [Fact]
    public async Task ScoreAsync_WithoutInlineRunners_HandsEvenALoneRequestToTheWorker()
    {
        using var scorer = _fixture.Load(WorkerOnly());
        var caller = Environment.CurrentManagedThreadId;
        var runThreads = new List<int>();
        scorer.BatchStarting = _ => runThreads.Add(Environment.CurrentManagedThreadId);

        var score = await scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);

        Assert.Equal(Rows[0].Probability, score.Probability, Tolerance);
        Assert.NotEqual(caller, Assert.Single(runThreads));
    }

    [Fact]
    public async Task ScoreAsync_WhenEveryInlineRunnerIsBusy_QueuesForTheWorkerInsteadOfWaiting()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        var options = ContentModelFixture.Options();
        options.InlineRunners = 1;
        using var scorer = _fixture.Load(options);
        using var gate = new WorkerGate(scorer);

        // Held inside its inline run on another thread, so the only inline runner stays busy.
        var held = Task.Run(() => scorer.ScoreAsync(Rows[0].Features, CancellationToken.None).AsTask());
        gate.WaitUntilHeld();
        var queued = scorer.ScoreAsync(Rows[1].Features, CancellationToken.None);
        var queuedScore = await queued;

        Assert.False(held.IsCompleted);
        Assert.Equal(Rows[1].Probability, queuedScore.Probability, Tolerance);
        gate.Release();
        Assert.Equal(Rows[0].Probability, (await held).Probability, Tolerance);
        Assert.Equal([1, 1], batchSizes.Sizes);
    }

    [Fact]
    public async Task Dispose_WhileACallerRunsInline_WaitsForItThenRefusesNewWork()
    {
        var options = ContentModelFixture.Options();
        options.InlineRunners = 1;
        var scorer = _fixture.Load(options);
        using var gate = new WorkerGate(scorer);

        var held = Task.Run(() => scorer.ScoreAsync(Rows[0].Features, CancellationToken.None).AsTask());
        gate.WaitUntilHeld();
        var disposal = Task.Run(scorer.Dispose);
        Assert.True(SpinWait.SpinUntil(() => scorer.IsStopping, TimeSpan.FromSeconds(30)));
        Assert.False(disposal.IsCompleted);
        gate.Release();
        await disposal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Rows[0].Probability, (await held).Probability, Tolerance);
        Assert.Equal(ContentScore.Failed, await scorer.ScoreAsync(Rows[1].Features, CancellationToken.None));
    }

    [Theory]
    [InlineData("content-fixture.onnx")]
    [InlineData("content-fixture-sparse.onnx")]
    public async Task ScoreAsync_OneRowAtATime_GivesNumpysProbabilities(string fileName)
    {
        using var scorer = _fixture.Load(ContentModelFixture.Options(fileName));

        Assert.Equal(ContentModelFixture.FeatureCount, scorer.FeatureCount);
        foreach (var row in Rows)
        {
            var score = await scorer.ScoreAsync(row.Features, CancellationToken.None);
            Assert.Equal(ContentScoreStatus.Scored, score.Status);
            Assert.Equal(row.Probability, score.Probability, Tolerance);
        }
    }

    [Theory]
    [InlineData("content-fixture.onnx")]
    [InlineData("content-fixture-sparse.onnx")]
    public async Task ScoreAsync_RequestsQueuedBehindARunningBatch_RunAsOneBatchWithNumpysProbabilities(string fileName)
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(WorkerOnly(fileName));
        using var gate = new WorkerGate(scorer);

        var first = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var queued = new ValueTask<ContentScore>[Rows.Count - 1];
        for (var i = 1; i < Rows.Count; i++)
        {
            queued[i - 1] = scorer.ScoreAsync(Rows[i].Features, CancellationToken.None);
        }
        gate.Release();

        var firstScore = await first;
        Assert.Equal(Rows[0].Probability, firstScore.Probability, Tolerance);
        for (var i = 1; i < Rows.Count; i++)
        {
            var score = await queued[i - 1];
            Assert.Equal(ContentScoreStatus.Scored, score.Status);
            Assert.Equal(Rows[i].Probability, score.Probability, Tolerance);
        }
        Assert.Equal([1, Rows.Count - 1], batchSizes.Sizes);
    }

    [Fact]
    public async Task ScoreAsync_MoreQueuedThanMaxBatchSize_SplitsIntoFullBatches()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        var options = WorkerOnly();
        options.MaxBatchSize = 16;
        using var scorer = _fixture.Load(options);
        using var gate = new WorkerGate(scorer);

        var first = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var queued = new ValueTask<ContentScore>[Rows.Count - 1];
        for (var i = 1; i < Rows.Count; i++)
        {
            queued[i - 1] = scorer.ScoreAsync(Rows[i].Features, CancellationToken.None);
        }
        gate.Release();

        await first;
        for (var i = 1; i < Rows.Count; i++)
        {
            Assert.Equal(Rows[i].Probability, (await queued[i - 1]).Probability, Tolerance);
        }
        Assert.Equal([1, 16, 16, Rows.Count - 33], batchSizes.Sizes);
    }

    [Fact]
    public async Task ScoreAsync_WithABatchWait_GathersUntilTheBatchIsFullOrTheWaitIsOver()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        var clock = new ManualTimeProvider();
        var options = WorkerOnly();
        options.MaxBatchSize = 4;
        options.MaxBatchWaitMicroseconds = 50;
        using var scorer = _fixture.Load(options, clock);

        // The clock stands still, so the worker keeps waiting until the batch is full.
        var full = new ValueTask<ContentScore>[4];
        for (var i = 0; i < full.Length; i++)
        {
            full[i] = scorer.ScoreAsync(Rows[i].Features, CancellationToken.None);
        }
        for (var i = 0; i < full.Length; i++)
        {
            Assert.Equal(Rows[i].Probability, (await full[i]).Probability, Tolerance);
        }
        var lone = scorer.ScoreAsync(Rows[4].Features, CancellationToken.None);
        Assert.False(lone.IsCompleted);
        // The wait is measured from when the worker takes the request, which the test cannot see;
        // moving the clock until the request completes makes the outcome independent of that.
        while (!lone.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMicroseconds(50));
            await Task.Delay(1);
        }

        Assert.Equal(Rows[4].Probability, (await lone).Probability, Tolerance);
        Assert.Equal([4, 1], batchSizes.Sizes);
    }

    [Theory]
    [InlineData("content-fixture.onnx")]
    [InlineData("content-fixture-sparse.onnx")]
    public async Task ScoreAsync_ManyConcurrentCallers_EachGetsTheSameResultAsAlone(string fileName)
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(WorkerOnly(fileName));
        var alone = new float[Rows.Count];
        for (var i = 0; i < Rows.Count; i++)
        {
            alone[i] = (await scorer.ScoreAsync(Rows[i].Features, CancellationToken.None)).Probability;
        }
        const int callers = 16;
        const int callsPerCaller = 200;

        var mismatches = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var wrong = new List<string>();
            for (var call = 0; call < callsPerCaller; call++)
            {
                var row = (caller * 7 + call) % Rows.Count;
                var score = await scorer.ScoreAsync(Rows[row].Features, CancellationToken.None);
                if (score.Status != ContentScoreStatus.Scored || Math.Abs(score.Probability - alone[row]) > Tolerance)
                {
                    wrong.Add($"row {row}: {score} alone {alone[row]}");
                }
            }
            return wrong;
        })));

        Assert.Empty(mismatches.SelectMany(m => m));
        Assert.Equal(Rows.Count + callers * callsPerCaller, batchSizes.Sizes.Sum());
    }

    [Fact]
    public async Task ScoreAsync_QueueAtMaxDepth_ShedsAtOnceAndRecoversWhenItDrains()
    {
        var options = WorkerOnly();
        options.MaxQueueDepth = 4;
        using var scorer = _fixture.Load(options);
        using var gate = new WorkerGate(scorer);

        var running = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var queued = new ValueTask<ContentScore>[options.MaxQueueDepth];
        for (var i = 0; i < queued.Length; i++)
        {
            queued[i] = scorer.ScoreAsync(Rows[i + 1].Features, CancellationToken.None);
        }
        var shed = scorer.ScoreAsync(Rows[10].Features, CancellationToken.None);

        Assert.True(shed.IsCompletedSuccessfully);
        Assert.Equal(ContentScore.Shed, await shed);
        gate.Release();
        Assert.Equal(ContentScoreStatus.Scored, (await running).Status);
        for (var i = 0; i < queued.Length; i++)
        {
            var score = await queued[i];
            Assert.Equal(ContentScoreStatus.Scored, score.Status);
            Assert.Equal(Rows[i + 1].Probability, score.Probability, Tolerance);
        }
        var afterDrain = await scorer.ScoreAsync(Rows[10].Features, CancellationToken.None);
        Assert.Equal(Rows[10].Probability, afterDrain.Probability, Tolerance);
    }

    [Fact]
    public async Task ScoreAsync_CancelledWhileQueued_CompletesCancelledAndIsLeftOutOfTheBatch()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(WorkerOnly());
        using var gate = new WorkerGate(scorer);
        using var cancellation = new CancellationTokenSource();

        var running = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var cancelled = scorer.ScoreAsync(Rows[1].Features, cancellation.Token);
        var kept = scorer.ScoreAsync(Rows[2].Features, CancellationToken.None);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled);
        gate.Release();
        Assert.Equal(Rows[0].Probability, (await running).Probability, Tolerance);
        Assert.Equal(Rows[2].Probability, (await kept).Probability, Tolerance);
        Assert.Equal([1, 1], batchSizes.Sizes);
    }

    [Fact]
    public async Task ScoreAsync_AlreadyCancelledToken_IsNotQueued()
    {
        using var batchSizes = new BatchSizeRecorder(_fixture.MeterFactory);
        using var scorer = _fixture.Load(ContentModelFixture.Options());

        var task = scorer.ScoreAsync(Rows[0].Features, new CancellationToken(canceled: true));

        Assert.True(task.IsCanceled);
        Assert.Equal(Rows[1].Probability, (await scorer.ScoreAsync(Rows[1].Features, CancellationToken.None)).Probability, Tolerance);
        Assert.Equal([1], batchSizes.Sizes);
    }

    [Fact]
    public async Task ScoreAsync_ReusesPooledRequests_AcrossManySequentialCalls()
    {
        using var scorer = _fixture.Load(WorkerOnly());

        // A pooled completion reused too early would hand a caller another request's answer.
        for (var i = 0; i < 2_000; i++)
        {
            var row = Rows[i % Rows.Count];
            Assert.Equal(row.Probability, (await scorer.ScoreAsync(row.Features, CancellationToken.None)).Probability, Tolerance);
        }
    }

    [Fact]
    public async Task ScoreAsync_NonFiniteModelOutput_IsFailedNotAProbability()
    {
        using var scorer = _fixture.Load(ContentModelFixture.Options());
        var features = new float[ContentModelFixture.FeatureCount];
        features[3] = float.NaN;

        Assert.Equal(ContentScore.Failed, await scorer.ScoreAsync(features, CancellationToken.None));
    }

    [Fact]
    public void ScoreAsync_WrongFeatureCount_Throws()
    {
        using var scorer = _fixture.Load(ContentModelFixture.Options());

        var error = Assert.Throws<ArgumentException>(() => scorer.ScoreAsync(new float[3], CancellationToken.None));
        Assert.Contains("16 features, not 3", error.Message);
    }

    [Fact]
    public async Task ScoreAsync_RuntimeFailure_FailsEveryRequestOfThatBatchAndLogsOnce()
    {
        // This model fails inside ONNX Runtime for odd batch sizes and works for even ones.
        using var scorer = _fixture.Load(WorkerOnly("runtime-fails-odd-batch.onnx"));
        using var gate = new WorkerGate(scorer);

        var odd = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var evenA = scorer.ScoreAsync(Rows[1].Features, CancellationToken.None);
        var evenB = scorer.ScoreAsync(Rows[2].Features, CancellationToken.None);
        gate.Release();

        Assert.Equal(ContentScore.Failed, await odd);
        Assert.Equal(Rows[1].Probability, (await evenA).Probability, Tolerance);
        Assert.Equal(Rows[2].Probability, (await evenB).Probability, Tolerance);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ContentScore.Failed, await scorer.ScoreAsync(Rows[i].Features, CancellationToken.None));
        }
        var failureLogs = _fixture.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Category == typeof(OnnxContentScorer).FullName).ToList();
        var failureLog = Assert.Single(failureLogs);
        Assert.Contains("ONNX Runtime:", failureLog.Message);
        Assert.Contains("Failed batches so far: 1", failureLog.Message);
        Assert.Contains("cannot be reshaped", failureLog.Message);
        // ONNX Runtime's own per-run error log is silenced by the run options; ours is the only one.
        Assert.DoesNotContain(_fixture.Logs.Entries, e => e.Category == typeof(OrtLibrary).FullName && e.Message.Contains("Reshape"));
    }

    [Fact]
    public async Task Dispose_WhileABatchRuns_FinishesItFailsTheQueueAndRefusesNewWork()
    {
        var scorer = _fixture.Load(WorkerOnly());
        using var gate = new WorkerGate(scorer);

        var running = scorer.ScoreAsync(Rows[0].Features, CancellationToken.None);
        gate.WaitUntilHeld();
        var queued = scorer.ScoreAsync(Rows[1].Features, CancellationToken.None);
        var disposal = Task.Run(scorer.Dispose);
        Assert.True(SpinWait.SpinUntil(() => scorer.IsStopping, TimeSpan.FromSeconds(30)));
        gate.Release();
        await disposal.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Rows[0].Probability, (await running).Probability, Tolerance);
        Assert.Equal(ContentScore.Failed, await queued);
        Assert.Equal(ContentScore.Failed, await scorer.ScoreAsync(Rows[3].Features, CancellationToken.None));
        scorer.Dispose();
    }
}
