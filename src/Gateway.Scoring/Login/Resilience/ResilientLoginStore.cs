using Gateway.Scoring.Features.Resilience;
using Gateway.Scoring.Login.InProcess;

namespace Gateway.Scoring.Login.Resilience;

/// <summary>
/// Redis behind a circuit breaker with the in-process store as fallback, like the feature store's
/// <see cref="Features.Resilience.ResilientFeatureStore"/>: failures never reach the request, they
/// degrade it (this replica's own view) and are counted. Writes always reach the fallback too, so
/// that an outage does not start from zero.
/// </summary>
internal sealed class ResilientLoginStore : ILoginStoreBackend
{
    private readonly ILoginStoreBackend _primary;
    private readonly InProcessLoginStore _fallback;
    private readonly CircuitBreaker _breaker;
    private readonly LoginMetrics _metrics;

    public ResilientLoginStore(ILoginStoreBackend primary, InProcessLoginStore fallback, TimeSpan breakDuration,
        int failuresBeforeBreaking, LoginMetrics metrics, TimeProvider time)
    {
        _primary = primary;
        _fallback = fallback;
        _metrics = metrics;
        _breaker = new CircuitBreaker(breakDuration, failuresBeforeBreaking, time);
    }

    public CircuitState Circuit => _breaker.State;

    public string State => _breaker.State == CircuitState.Closed && _primary.State == "redis" ? "redis" : "fallback";

    public ValueTask<LoginEntityState> ReadAsync(LoginEntity entity, LoginReadContext context, CancellationToken cancellationToken)
    {
        if (!_breaker.TryEnter(out var isProbe))
        {
            return new ValueTask<LoginEntityState>(Fallback(entity, context));
        }
        ValueTask<LoginEntityState> pending;
        try
        {
            pending = _primary.ReadAsync(entity, context, CancellationToken.None);
        }
        catch (Exception)
        {
            _breaker.RecordFailure(isProbe);
            return new ValueTask<LoginEntityState>(Fallback(entity, context));
        }
        return pending.IsCompletedSuccessfully
            ? new ValueTask<LoginEntityState>(Succeeded(pending.Result, isProbe))
            : new ValueTask<LoginEntityState>(CompleteAsync(pending.AsTask(), entity, context, isProbe));
    }

    public void Record(LoginEntity entity, in LoginObservation observation)
    {
        _fallback.Record(entity, observation);
        if (_breaker.State != CircuitState.Open)
        {
            _primary.Record(entity, observation);
        }
    }

    public ValueTask<LoginSiteState> ReadSiteAsync(string profile, LoginSiteWindows windows, CancellationToken cancellationToken)
    {
        if (!_breaker.TryEnter(out var isProbe))
        {
            return new ValueTask<LoginSiteState>(FallbackSite(profile, windows));
        }
        ValueTask<LoginSiteState> pending;
        try
        {
            pending = _primary.ReadSiteAsync(profile, windows, CancellationToken.None);
        }
        catch (Exception)
        {
            _breaker.RecordFailure(isProbe);
            return new ValueTask<LoginSiteState>(FallbackSite(profile, windows));
        }
        return pending.IsCompletedSuccessfully
            ? new ValueTask<LoginSiteState>(Succeeded(pending.Result, isProbe))
            : new ValueTask<LoginSiteState>(CompleteSiteAsync(pending.AsTask(), profile, windows, isProbe));
    }

    public void RecordSite(string profile, in LoginSiteObservation observation, LoginSiteWindows windows)
    {
        _fallback.RecordSite(profile, observation, windows);
        if (_breaker.State != CircuitState.Open)
        {
            _primary.RecordSite(profile, observation, windows);
        }
    }

    public void Dispose()
    {
        _primary.Dispose();
        _fallback.Dispose();
    }

    private async Task<LoginEntityState> CompleteAsync(Task<LoginEntityState> read, LoginEntity entity, LoginReadContext context, bool isProbe)
    {
        try
        {
            // The primary read has its own timeout, so this always ends and always informs the breaker.
            return Succeeded(await read.ConfigureAwait(false), isProbe);
        }
        catch (Exception)
        {
            _breaker.RecordFailure(isProbe);
            return Fallback(entity, context);
        }
    }

    private async Task<LoginSiteState> CompleteSiteAsync(Task<LoginSiteState> read, string profile, LoginSiteWindows windows, bool isProbe)
    {
        try
        {
            return Succeeded(await read.ConfigureAwait(false), isProbe);
        }
        catch (Exception)
        {
            _breaker.RecordFailure(isProbe);
            return FallbackSite(profile, windows);
        }
    }

    private LoginSiteState FallbackSite(string profile, LoginSiteWindows windows)
    {
        _metrics.FallbackRead();
        return _fallback.ReadSite(profile, windows);
    }

    private T Succeeded<T>(T state, bool isProbe)
    {
        _breaker.RecordSuccess(isProbe);
        return state;
    }

    private LoginEntityState Fallback(LoginEntity entity, LoginReadContext context)
    {
        _metrics.FallbackRead();
        return _fallback.Read(entity, context);
    }
}
