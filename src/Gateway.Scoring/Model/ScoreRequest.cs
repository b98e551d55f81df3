using System.Threading.Tasks.Sources;

namespace Gateway.Scoring.Model;

/// <summary>
/// One queued <see cref="IContentScorer.ScoreAsync"/> call: its copy of the features and the
/// completion its caller awaits. Pooled: a steady stream of requests allocates nothing.
/// <para>
/// Why a pooled <see cref="IValueTaskSource{TResult}"/> rather than a TaskCompletionSource:
/// a TCS costs two allocations per request on the gateway's hottest path. Continuations still
/// run asynchronously, as with TaskCreationOptions.RunContinuationsAsynchronously, so that the
/// batching worker never runs a request's pipeline inline and stalls the next batch.
/// </para>
/// <para>
/// Reuse is safe because two parties must let go before the object returns to the pool: the
/// worker (after writing the result, or skipping a cancelled request) and the awaiter (after
/// reading the result). Whichever of completion and cancellation comes first wins; the other
/// is ignored.
/// </para>
/// </summary>
internal sealed class ScoreRequest : IValueTaskSource<ContentScore>
{
    private readonly Action<ScoreRequest> _returnToPool;
    private ManualResetValueTaskSourceCore<ContentScore> _core;
    private CancellationTokenRegistration _cancellation;
    private int _completed;
    private int _owners;

    public ScoreRequest(int featureCount, Action<ScoreRequest> returnToPool)
    {
        Features = new float[featureCount];
        _returnToPool = returnToPool;
        _core.RunContinuationsAsynchronously = true;
    }

    public float[] Features { get; }

    /// <summary>Completed or cancelled: the worker skips it.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Ready for the queue: owned by the worker and the awaiter, cancellable by <paramref name="cancellationToken"/>.</summary>
    public ValueTask<ContentScore> Start(CancellationToken cancellationToken)
    {
        _completed = 0;
        _owners = 2;
        var task = new ValueTask<ContentScore>(this, _core.Version);
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((ScoreRequest)state!).TryCancel(token), this);
        }
        return task;
    }

    /// <summary>Called by the worker; false when the request was cancelled first.</summary>
    public bool TryComplete(ContentScore score)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }
        _core.SetResult(score);
        return true;
    }

    /// <summary>The worker is done with this request (completed it or skipped it).</summary>
    public void ReleaseByWorker() => Release();

    public ContentScore GetResult(short token)
    {
        if (token != _core.Version)
        {
            throw new InvalidOperationException("A ValueTask from ScoreAsync was awaited twice or after it was used.");
        }
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            // Waits for a cancellation callback still running on another thread, so none can touch the next use.
            _cancellation.Dispose();
            _cancellation = default;
            Release();
        }
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void TryCancel(CancellationToken token)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _core.SetException(new OperationCanceledException(token));
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _owners) == 0)
        {
            _core.Reset();
            _returnToPool(this);
        }
    }
}
