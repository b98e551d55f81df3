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

    private readonly float[] _features;
    private readonly int[]? _index;
    private int _nonZeros;

    /// <param name="packed">
    /// Keep the features as their non-zero (index, value) pairs, packed on the caller's thread: for a
    /// sparse model this takes the scan off the one batching thread, which then only copies pairs.
    /// </param>
    public ScoreRequest(int featureCount, bool packed, Action<ScoreRequest> returnToPool)
    {
        _features = new float[featureCount];
        _index = packed ? new int[featureCount] : null;
        _returnToPool = returnToPool;
        _core.RunContinuationsAsynchronously = true;
    }

    /// <summary>Takes the caller's features (copied, or packed into pairs), before <see cref="Start"/>.</summary>
    public void SetFeatures(ReadOnlySpan<float> features)
    {
        if (_index is null)
        {
            features.CopyTo(_features);
        }
        else
        {
            // _features holds the values of the pairs.
            _nonZeros = NonZeroPacker.Pack(features, _index, _features);
        }
    }

    /// <summary>Sets row <paramref name="row"/> of <paramref name="runner"/>'s next batch to these features.</summary>
    public void WriteTo(ContentModelRunner runner, int row)
    {
        if (_index is null)
        {
            runner.SetRow(row, _features);
        }
        else
        {
            runner.SetPackedRow(row, _index.AsSpan(0, _nonZeros), _features.AsSpan(0, _nonZeros));
        }
    }

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
