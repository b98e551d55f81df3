using Gateway.Scoring.Features.InProcess;
using Gateway.Scoring.Telemetry;
using Microsoft.Extensions.Logging;

namespace Gateway.Scoring.Features.Resilience;

/// <summary>
/// Redis behind a circuit breaker, with the in-process store as fallback. Store failures never
/// reach the caller: while Redis fails, reads and writes go to the in-process store, and one
/// probe per break tests whether Redis is back. Only the caller's own cancellation is thrown
/// (<see cref="OperationCanceledException"/>), as the caller asked for it.
/// </summary>
internal sealed partial class ResilientFeatureStore : IFeatureStoreBackend
{
    private readonly IFeatureStoreBackend _primary;
    private readonly InProcessFeatureStore _fallback;
    private readonly CircuitBreaker _breaker;
    private readonly ProtectionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _breakDuration;

    public ResilientFeatureStore(
        IFeatureStoreBackend primary,
        InProcessFeatureStore fallback,
        FeatureStoreOptions options,
        ProtectionMetrics metrics,
        TimeProvider time,
        ILogger<ResilientFeatureStore> logger)
    {
        _primary = primary;
        _fallback = fallback;
        _metrics = metrics;
        _logger = logger;
        _breakDuration = options.BreakDuration;
        _breaker = new CircuitBreaker(options.BreakDuration, options.FailuresBeforeBreaking, time, OnTransition);
    }

    /// <summary>Raised after every transition, with the old and the new state.</summary>
    public event Action<CircuitState, CircuitState>? CircuitChanged;

    public CircuitState Circuit => _breaker.State;

    public FeatureStoreStatus Status => _primary.Status with { Circuit = _breaker.State };

    public ValueTask<BehaviourFeatures> ReadAsync(BehaviourKey key, CancellationToken cancellationToken)
    {
        if (!_breaker.TryEnter(out var isProbe))
        {
            return new ValueTask<BehaviourFeatures>(ReadFallback(key));
        }
        // The primary read runs on its own deadline, not the caller's, so that its outcome always
        // reaches the breaker: were it cut short by callers whose budget is below the read timeout,
        // a hung Redis would never count as failed and every request would wait on it.
        ValueTask<BehaviourFeatures> pending;
        try
        {
            pending = _primary.ReadAsync(key, CancellationToken.None);
        }
        catch (Exception)
        {
            // A backend that throws instead of faulting its task has still failed, and it is still not the caller's problem.
            _breaker.RecordFailure(isProbe);
            return new ValueTask<BehaviourFeatures>(ReadFallback(key));
        }
        if (pending.IsCompletedSuccessfully)
        {
            _breaker.RecordSuccess(isProbe);
            return new ValueTask<BehaviourFeatures>(Merge(pending.Result, key));
        }
        if (pending.IsCompleted)
        {
            return new ValueTask<BehaviourFeatures>(Complete(pending.AsTask(), key, isProbe));
        }
        return ReadPrimaryAsync(pending.AsTask(), key, isProbe, cancellationToken);
    }

    /// <summary>
    /// Writes go to the in-process store even while Redis is healthy: when Redis dies, the
    /// fallback then already holds this replica's recent traffic instead of starting from zero,
    /// which would let a client that was flooding a moment ago look new.
    /// </summary>
    public void RecordRequest(BehaviourKey key, string path)
    {
        _fallback.RecordRequest(key, path);
        if (_breaker.State != CircuitState.Open)
        {
            _primary.RecordRequest(key, path);
        }
    }

    public void RecordResponse(BehaviourKey key, int statusCode)
    {
        _fallback.RecordResponse(key, statusCode);
        if (_breaker.State != CircuitState.Open)
        {
            _primary.RecordResponse(key, statusCode);
        }
    }

    public void Dispose()
    {
        _primary.Dispose();
        _fallback.Dispose();
    }

    private async ValueTask<BehaviourFeatures> ReadPrimaryAsync(
        Task<BehaviourFeatures> pending, BehaviourKey key, bool isProbe, CancellationToken cancellationToken)
    {
        try
        {
            await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !pending.IsCompleted)
        {
            // The caller gave up, not Redis: the read still ends (within its own timeout) and tells the breaker.
            _ = pending.ContinueWith(
                static (read, state) =>
                {
                    var (store, probe) = ((ResilientFeatureStore, bool))state!;
                    store.Account(read, probe);
                },
                (this, isProbe),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
        catch (Exception)
        {
            // A failed read is accounted for below, from the task.
        }
        return Complete(pending, key, isProbe);
    }

    private BehaviourFeatures Complete(Task<BehaviourFeatures> read, BehaviourKey key, bool isProbe)
    {
        return Account(read, isProbe) ? Merge(read.Result, key) : ReadFallback(key);
    }

    /// <summary>
    /// Redis forgets what happened during an outage (or restarts empty), and this replica's own
    /// count is a lower bound of the truth as much as Redis's is, so the larger of each is the
    /// better answer. In steady state Redis has every write of this replica and wins anyway.
    /// </summary>
    private BehaviourFeatures Merge(BehaviourFeatures fromRedis, BehaviourKey key) => Max(fromRedis, _fallback.Read(key));

    /// <returns>Whether the read succeeded.</returns>
    private bool Account(Task<BehaviourFeatures> read, bool isProbe)
    {
        if (read.IsCompletedSuccessfully)
        {
            _breaker.RecordSuccess(isProbe);
            return true;
        }
        _ = read.Exception;
        _breaker.RecordFailure(isProbe);
        return false;
    }

    private BehaviourFeatures ReadFallback(BehaviourKey key)
    {
        _metrics.StoreFallbackRead();
        return _fallback.Read(key);
    }

    private void OnTransition(CircuitState from, CircuitState to)
    {
        switch (to)
        {
            case CircuitState.Open:
                Log.CircuitOpened(_logger, from, _breakDuration.TotalSeconds);
                break;
            case CircuitState.HalfOpen:
                Log.CircuitProbing(_logger);
                break;
            case CircuitState.Closed:
                Log.CircuitClosed(_logger);
                break;
        }
        CircuitChanged?.Invoke(from, to);
    }

    private static BehaviourFeatures Max(BehaviourFeatures a, BehaviourFeatures b) => new(
        Math.Max(a.Requests10s, b.Requests10s),
        Math.Max(a.Requests1m, b.Requests1m),
        Math.Max(a.Requests10m, b.Requests10m),
        Math.Max(a.DistinctPaths10m, b.DistinctPaths10m),
        Math.Max(a.Responses10m, b.Responses10m),
        Math.Max(a.ClientErrors10m, b.ClientErrors10m),
        Math.Max(a.ServerErrors10m, b.ServerErrors10m));

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Warning, "Feature store circuit opened (was {From}): Redis reads failed; serving from memory for {BreakSeconds} s.")]
        public static partial void CircuitOpened(ILogger logger, CircuitState from, double breakSeconds);

        [LoggerMessage(21, LogLevel.Information, "Feature store circuit half-open: probing Redis with one read.")]
        public static partial void CircuitProbing(ILogger logger);

        [LoggerMessage(22, LogLevel.Information, "Feature store circuit closed: Redis answers again.")]
        public static partial void CircuitClosed(ILogger logger);
    }
}
