using System.Collections.Concurrent;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Model;

/// <summary>
/// Scores content feature vectors with the ONNX model. A request is scored on its caller's own
/// thread when one of the inline runners (one-row buffers over the shared session, one per
/// processor by default) is free: no queue, no wake-up, no continuation, so the decision stays
/// synchronous even when the thread pool is swamped. When they are all busy, the caller copies its
/// features into a pooled request and enqueues it; one dedicated worker thread takes everything
/// pending (up to MaxBatchSize) and runs it as one model run, so under concurrency the next batch
/// forms while the current one runs. When MaxQueueDepth requests are already waiting, new ones are
/// shed at once (fail-open). Create with <see cref="Load"/>.
/// </summary>
internal sealed partial class OnnxContentScorer : IContentScorer, IDisposable
{
    /// <summary>A failing model is logged on its first failed batch and then once per this many.</summary>
    internal const int FailureLogInterval = 1000;

    private readonly ContentModelRunner _runner;
    private readonly ContentModelRunner[] _inlineRunners;
    private readonly int[] _inlineBusy;
    private readonly ProtectionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxQueueDepth;
    private readonly long _batchWaitTimestampTicks;
    private readonly ConcurrentQueue<ScoreRequest> _queue = new();
    private readonly ConcurrentQueue<ScoreRequest> _pool = new();
    private readonly Action<ScoreRequest> _returnToPool;
    private readonly ScoreRequest[] _batch;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _worker;
    private int _queued;
    private int _workerIdle;
    private volatile bool _stopping;
    private int _disposed;
    private long _failedBatches;

    /// <param name="runner">The batching worker's runner; it owns the session.</param>
    /// <param name="inlineRunners">One-row runners over the same session, for callers running their own request.</param>
    internal OnnxContentScorer(
        ContentModelRunner runner, ContentModelRunner[] inlineRunners, ModelOptions options, ProtectionMetrics metrics,
        ILogger logger, TimeProvider timeProvider)
    {
        _runner = runner;
        _inlineRunners = inlineRunners;
        _inlineBusy = new int[inlineRunners.Length];
        _metrics = metrics;
        _logger = logger;
        _timeProvider = timeProvider;
        _maxQueueDepth = options.MaxQueueDepth;
        _batchWaitTimestampTicks = options.MaxBatchWaitMicroseconds * timeProvider.TimestampFrequency / 1_000_000;
        _returnToPool = _pool.Enqueue;
        _batch = new ScoreRequest[runner.MaxBatchSize];
        // Before the worker starts: the runner is still this thread's to use.
        _emptyContentScore = ScoreOfEmptyContent(runner);
        _worker = new Thread(RunWorker) { IsBackground = true, Name = "content-model-batcher" };
        _worker.Start();
    }

    public int FeatureCount => _runner.FeatureCount;

    /// <summary>
    /// The model's answer for a request with no content features at all (about 30% of requests:
    /// pages, static files, REST reads without a query), computed once through ONNX Runtime at load;
    /// null if that run failed. Such requests are answered with it and skip the model call.
    /// </summary>
    internal float? EmptyContentScore => _emptyContentScore;

    private readonly float? _emptyContentScore;

    /// <summary>Most rows one model run takes.</summary>
    public int MaxBatchSize => _runner.MaxBatchSize;

    /// <summary>
    /// Test seam: called with the row count just before each model run, on the thread that runs it
    /// (the worker, or a caller running inline), so a test can hold a run and make queueing,
    /// batching and shedding deterministic.
    /// </summary>
    internal Action<int>? BatchStarting { get; set; }

    /// <summary>Dispose has begun: new requests fail at once.</summary>
    internal bool IsStopping => _stopping;

    public ValueTask<ContentScore> ScoreAsync(ReadOnlySpan<float> features, CancellationToken cancellationToken)
    {
        if (features.Length != _runner.FeatureCount)
        {
            throw new ArgumentException(
                $"The content model takes {_runner.FeatureCount} features, not {features.Length}.", nameof(features));
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ContentScore>(cancellationToken);
        }
        if (_stopping)
        {
            return new ValueTask<ContentScore>(ContentScore.Failed);
        }
        if (_emptyContentScore is { } empty && !features.ContainsAnyExcept(0f))
        {
            // The same input always gives the same output: no need to ask the model again.
            return new ValueTask<ContentScore>(new ContentScore(ContentScoreStatus.Scored, empty));
        }
        if (TryTakeInlineRunner(out var inline))
        {
            return new ValueTask<ContentScore>(RunInline(inline, features));
        }
        if (Interlocked.Increment(ref _queued) > _maxQueueDepth)
        {
            Interlocked.Decrement(ref _queued);
            return new ValueTask<ContentScore>(ContentScore.Shed);
        }

        var request = Rent();
        request.SetFeatures(features);
        var task = request.Start(cancellationToken);
        _queue.Enqueue(request);
        if (_stopping)
        {
            // Dispose may already have drained the queue; make sure nobody waits forever.
            FailQueued();
        }
        else if (Volatile.Read(ref _workerIdle) == 1 && Interlocked.Exchange(ref _workerIdle, 0) == 1)
        {
            _wake.Release();
        }
        return task;
    }

    private static float? ScoreOfEmptyContent(ContentModelRunner runner)
    {
        runner.SetRow(0, new float[runner.FeatureCount]);
        return runner.Run(1) is null ? runner.Outputs(1)[0] : null;
    }

    /// <summary>Stops the worker after the batch it is running; requests still queued complete as Failed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _stopping = true;
        Interlocked.MemoryBarrier();
        _wake.Release();
        _worker.Join();
        FailQueued();
        // Callers may be running inline: wait for each, then keep its runner for good.
        for (var i = 0; i < _inlineRunners.Length; i++)
        {
            var spinner = default(SpinWait);
            while (Interlocked.CompareExchange(ref _inlineBusy[i], 1, 0) != 0)
            {
                spinner.SpinOnce();
            }
            _inlineRunners[i].Dispose();
        }
        _runner.Dispose();
    }

    private ScoreRequest Rent() =>
        _pool.TryDequeue(out var request) ? request : new ScoreRequest(_runner.FeatureCount, _runner.Layout == ContentModelInputLayout.Sparse, _returnToPool);

    /// <summary>A free inline runner, searched from a place that depends on the thread, so callers spread out.</summary>
    private bool TryTakeInlineRunner(out int index)
    {
        var count = _inlineBusy.Length;
        var start = count == 0 ? 0 : (int)((uint)Environment.CurrentManagedThreadId % (uint)count);
        for (var i = 0; i < count; i++)
        {
            index = start + i < count ? start + i : start + i - count;
            if (Volatile.Read(ref _inlineBusy[index]) == 0 && Interlocked.CompareExchange(ref _inlineBusy[index], 1, 0) == 0)
            {
                return true;
            }
        }
        index = -1;
        return false;
    }

    /// <summary>The caller owns inline runner <paramref name="index"/>: one row, on this thread.</summary>
    private ContentScore RunInline(int index, ReadOnlySpan<float> features)
    {
        try
        {
            if (_stopping)
            {
                return ContentScore.Failed;
            }
            var runner = _inlineRunners[index];
            runner.SetRow(0, features);
            var error = Run(runner, 1);
            if (error is not null)
            {
                ReportFailure(1, error);
                return ContentScore.Failed;
            }
            return ToScore(runner.Outputs(1)[0]);
        }
        finally
        {
            Volatile.Write(ref _inlineBusy[index], 0);
        }
    }

    private void RunWorker()
    {
        while (!_stopping)
        {
            var taken = TakeBatch();
            if (taken == 0)
            {
                WaitForWork();
                continue;
            }
            RunBatch(taken);
        }
    }

    /// <summary>
    /// Sleeps until a request arrives. The idle flag and the queue are each checked after the
    /// other is written, with full fences on both sides, so a request is never left unnoticed.
    /// </summary>
    private void WaitForWork()
    {
        Interlocked.Exchange(ref _workerIdle, 1);
        if (_queue.IsEmpty && !_stopping)
        {
            _wake.Wait();
        }
        Interlocked.Exchange(ref _workerIdle, 0);
    }

    private int TakeBatch()
    {
        var count = 0;
        while (count < _batch.Length && _queue.TryDequeue(out var request))
        {
            _batch[count++] = request;
        }
        if (count > 0 && count < _batch.Length && _batchWaitTimestampTicks > 0)
        {
            count = FillUntilDeadline(count);
        }
        Interlocked.Add(ref _queued, -count);
        return count;
    }

    /// <summary>
    /// Spins for the configured wait to fill the batch. Sleeping would cost a millisecond of timer
    /// resolution; the wait is bounded (≤ 100 ms, typically tens of µs) and opted into.
    /// </summary>
    private int FillUntilDeadline(int count)
    {
        var start = _timeProvider.GetTimestamp();
        var spinner = default(SpinWait);
        while (count < _batch.Length && !_stopping)
        {
            if (_queue.TryDequeue(out var request))
            {
                _batch[count++] = request;
                continue;
            }
            if (_timeProvider.GetTimestamp() - start >= _batchWaitTimestampTicks)
            {
                break;
            }
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        return count;
    }

    private void RunBatch(int taken)
    {
        // Cancelled requests are dropped before the run so they cost no model time.
        var rows = 0;
        for (var i = 0; i < taken; i++)
        {
            var request = _batch[i];
            if (request.IsCompleted)
            {
                request.ReleaseByWorker();
                continue;
            }
            request.WriteTo(_runner, rows);
            _batch[rows++] = request;
        }

        if (rows > 0)
        {
            var error = Run(_runner, rows);
            if (error is null)
            {
                CompleteScored(rows);
            }
            else
            {
                CompleteFailed(rows, error);
            }
        }

        for (var i = 0; i < rows; i++)
        {
            _batch[i].ReleaseByWorker();
        }
        Array.Clear(_batch, 0, taken);
    }

    /// <summary>One model run by the runner's owner. Null on success, else ORT's message.</summary>
    private string? Run(ContentModelRunner runner, int rows)
    {
        try
        {
            BatchStarting?.Invoke(rows);
            _metrics.BatchSize(rows);
            return runner.Run(rows);
        }
        catch (Exception e)
        {
            // The worker (and a caller) must survive anything; the requests fail open.
            return e.Message;
        }
    }

    /// <summary>A NaN would poison the decision; out-of-range values are rounding at the edges.</summary>
    private static ContentScore ToScore(float probability) => float.IsFinite(probability)
        ? new ContentScore(ContentScoreStatus.Scored, Math.Clamp(probability, 0f, 1f))
        : ContentScore.Failed;

    private void CompleteScored(int rows)
    {
        var outputs = _runner.Outputs(rows);
        for (var i = 0; i < rows; i++)
        {
            _batch[i].TryComplete(ToScore(outputs[i]));
        }
    }

    private void CompleteFailed(int rows, string error)
    {
        for (var i = 0; i < rows; i++)
        {
            _batch[i].TryComplete(ContentScore.Failed);
        }
        ReportFailure(rows, error);
    }

    /// <summary>Counts a failed run (the worker's or a caller's) and logs the first and then one per <see cref="FailureLogInterval"/>.</summary>
    private void ReportFailure(int rows, string error)
    {
        var failures = Interlocked.Increment(ref _failedBatches);
        if (failures == 1 || failures % FailureLogInterval == 0)
        {
            Log.BatchFailed(_logger, rows, failures, error);
        }
    }

    /// <summary>Completes everything still queued as Failed; safe to run on several threads at once.</summary>
    private void FailQueued()
    {
        while (_queue.TryDequeue(out var request))
        {
            Interlocked.Decrement(ref _queued);
            request.TryComplete(ContentScore.Failed);
            request.ReleaseByWorker();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            EventId = 10, Level = LogLevel.Error,
            Message = "Content model run failed for a batch of {Rows}; its requests are scored as Failed (fail-open). Failed batches so far: {FailedBatches}. ONNX Runtime: {OrtMessage}")]
        public static partial void BatchFailed(ILogger logger, int rows, long failedBatches, string ortMessage);
    }
}
