using System.Collections.Concurrent;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Model;

/// <summary>
/// Scores content feature vectors with the ONNX model, gathering concurrent calls into
/// micro-batches. A lone request (nothing queued, no batch running) runs at once on the caller's
/// thread: cheaper than any hand-off. Otherwise callers copy their features into a pooled request
/// and enqueue it; one dedicated worker thread takes everything pending (up to MaxBatchSize) and
/// runs it as one model run, so under load the next batch forms while the current one runs. When
/// MaxQueueDepth requests are already waiting, new ones are shed at once (fail-open). Create with
/// <see cref="Load"/>.
/// <para>
/// The model runner (its pinned input and output buffers) belongs to whoever holds
/// <c>_runnerBusy</c>: the worker for a batch, or one caller for its lone request.
/// </para>
/// </summary>
internal sealed partial class OnnxContentScorer : IContentScorer, IDisposable
{
    /// <summary>A failing model is logged on its first failed batch and then once per this many.</summary>
    internal const int FailureLogInterval = 1000;

    private readonly ContentModelRunner _runner;
    private readonly ProtectionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly int _maxQueueDepth;
    private readonly bool _runLoneRequestOnCaller;
    private readonly long _batchWaitTimestampTicks;
    private readonly ConcurrentQueue<ScoreRequest> _queue = new();
    private readonly ConcurrentQueue<ScoreRequest> _pool = new();
    private readonly Action<ScoreRequest> _returnToPool;
    private readonly ScoreRequest[] _batch;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _worker;
    private int _queued;
    private int _runnerBusy;
    private int _workerIdle;
    private volatile bool _stopping;
    private int _disposed;
    private long _failedBatches;

    internal OnnxContentScorer(
        ContentModelRunner runner, ModelOptions options, ProtectionMetrics metrics, ILogger logger, TimeProvider timeProvider)
    {
        _runner = runner;
        _metrics = metrics;
        _logger = logger;
        _timeProvider = timeProvider;
        _maxQueueDepth = options.MaxQueueDepth;
        _runLoneRequestOnCaller = options.RunLoneRequestOnCaller;
        _batchWaitTimestampTicks = options.MaxBatchWaitMicroseconds * timeProvider.TimestampFrequency / 1_000_000;
        _returnToPool = _pool.Enqueue;
        _batch = new ScoreRequest[runner.MaxBatchSize];
        _worker = new Thread(RunWorker) { IsBackground = true, Name = "content-model-batcher" };
        _worker.Start();
    }

    public int FeatureCount => _runner.FeatureCount;

    /// <summary>Most rows one model run takes.</summary>
    public int MaxBatchSize => _runner.MaxBatchSize;

    /// <summary>
    /// Test seam: called with the row count just before each model run, on the thread that runs it
    /// (the worker, or a caller running its lone request), while that thread owns the runner; so a
    /// test can hold the runner and make queueing, batching and shedding deterministic.
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
        if (_runLoneRequestOnCaller && Volatile.Read(ref _queued) == 0 && TryTakeRunner())
        {
            return new ValueTask<ContentScore>(RunOnCaller(features));
        }
        if (Interlocked.Increment(ref _queued) > _maxQueueDepth)
        {
            Interlocked.Decrement(ref _queued);
            return new ValueTask<ContentScore>(ContentScore.Shed);
        }

        var request = Rent();
        features.CopyTo(request.Features);
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
        // A caller may be running its lone request: wait for it, then keep the runner for good.
        var spinner = default(SpinWait);
        while (!TryTakeRunner())
        {
            spinner.SpinOnce();
        }
        _runner.Dispose();
    }

    private ScoreRequest Rent() =>
        _pool.TryDequeue(out var request) ? request : new ScoreRequest(_runner.FeatureCount, _returnToPool);

    private bool TryTakeRunner() => Interlocked.CompareExchange(ref _runnerBusy, 1, 0) == 0;

    private void ReleaseRunner() => Volatile.Write(ref _runnerBusy, 0);

    /// <summary>The caller owns the runner: one row, on this thread, no queue, no continuation.</summary>
    private ContentScore RunOnCaller(ReadOnlySpan<float> features)
    {
        try
        {
            if (_stopping)
            {
                return ContentScore.Failed;
            }
            features.CopyTo(_runner.InputRow(0));
            var error = Run(1);
            if (error is not null)
            {
                ReportFailure(1, error);
                return ContentScore.Failed;
            }
            return ToScore(_runner.Outputs(1)[0]);
        }
        finally
        {
            ReleaseRunner();
        }
    }

    private void RunWorker()
    {
        while (!_stopping)
        {
            if (_queue.IsEmpty)
            {
                WaitForWork();
                continue;
            }
            // Taken before the batch, so that what queues while a caller runs its lone request
            // joins this batch instead of being split off.
            if (!TakeRunnerForWorker())
            {
                return;
            }
            try
            {
                var taken = TakeBatch();
                if (taken > 0)
                {
                    RunBatch(taken);
                }
            }
            finally
            {
                ReleaseRunner();
            }
        }
    }

    /// <summary>Waits for a caller's lone run (a few microseconds) to end; false when stopping.</summary>
    private bool TakeRunnerForWorker()
    {
        var spinner = default(SpinWait);
        while (!TryTakeRunner())
        {
            if (_stopping)
            {
                return false;
            }
            spinner.SpinOnce();
        }
        return true;
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
            request.Features.CopyTo(_runner.InputRow(rows));
            _batch[rows++] = request;
        }

        if (rows > 0)
        {
            var error = Run(rows);
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
    private string? Run(int rows)
    {
        try
        {
            BatchStarting?.Invoke(rows);
            _metrics.BatchSize(rows);
            return _runner.Run(rows);
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

    /// <summary>Called by the runner's owner only, so the count needs no interlocking.</summary>
    private void ReportFailure(int rows, string error)
    {
        var failures = ++_failedBatches;
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
