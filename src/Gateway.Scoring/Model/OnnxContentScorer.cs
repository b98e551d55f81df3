using System.Collections.Concurrent;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Model;

/// <summary>
/// Scores content feature vectors with the ONNX model, gathering concurrent calls into
/// micro-batches. Callers copy their features into a pooled request and enqueue it; one
/// dedicated worker thread takes everything pending (up to MaxBatchSize) and runs it as one
/// model run. A lone request therefore runs at once, and under load the next batch forms while
/// the current one runs. When MaxQueueDepth requests are already waiting, new ones are shed at
/// once (fail-open). Create with <see cref="Load"/>.
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

    internal OnnxContentScorer(
        ContentModelRunner runner, ModelOptions options, ProtectionMetrics metrics, ILogger logger, TimeProvider timeProvider)
    {
        _runner = runner;
        _metrics = metrics;
        _logger = logger;
        _timeProvider = timeProvider;
        _maxQueueDepth = options.MaxQueueDepth;
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
    /// Test seam: called on the worker thread with the row count just before each model run, so a
    /// test can hold the worker and make queueing, batching and shedding deterministic.
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
        _runner.Dispose();
    }

    private ScoreRequest Rent() =>
        _pool.TryDequeue(out var request) ? request : new ScoreRequest(_runner.FeatureCount, _returnToPool);

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
            request.Features.CopyTo(_runner.InputRow(rows));
            _batch[rows++] = request;
        }

        if (rows > 0)
        {
            string? error;
            try
            {
                BatchStarting?.Invoke(rows);
                _metrics.BatchSize(rows);
                error = _runner.Run(rows);
            }
            catch (Exception e)
            {
                // The worker must survive anything; the requests fail open.
                error = e.Message;
            }
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

    private void CompleteScored(int rows)
    {
        var outputs = _runner.Outputs(rows);
        for (var i = 0; i < rows; i++)
        {
            var probability = outputs[i];
            // A NaN would poison the decision; out-of-range values are rounding at the edges.
            _batch[i].TryComplete(float.IsFinite(probability)
                ? new ContentScore(ContentScoreStatus.Scored, Math.Clamp(probability, 0f, 1f))
                : ContentScore.Failed);
        }
    }

    private void CompleteFailed(int rows, string error)
    {
        for (var i = 0; i < rows; i++)
        {
            _batch[i].TryComplete(ContentScore.Failed);
        }
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
