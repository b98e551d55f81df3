namespace Gateway.Scoring.Features.Resilience;

/// <summary>
/// Closed → (N consecutive failures) → Open → (break over) → HalfOpen: exactly one caller probes,
/// the others keep the fallback → success closes, failure opens for another break. The closed
/// path is two volatile reads; transitions take a lock, and they are rare.
/// </summary>
internal sealed class CircuitBreaker(
    TimeSpan breakDuration,
    int failuresBeforeBreaking,
    TimeProvider time,
    Action<CircuitState, CircuitState>? onTransition = null)
{
    private readonly Lock _gate = new();
    private int _state = (int)CircuitState.Closed;
    private int _consecutiveFailures;
    private long _openedAt;

    public CircuitState State => (CircuitState)Volatile.Read(ref _state);

    /// <summary>Whether this call may use the protected resource.</summary>
    /// <param name="isProbe">True for the single call that tests the resource after a break.</param>
    public bool TryEnter(out bool isProbe)
    {
        isProbe = false;
        var state = State;
        if (state == CircuitState.Closed)
        {
            return true;
        }
        if (state == CircuitState.HalfOpen || time.GetElapsedTime(Volatile.Read(ref _openedAt)) < breakDuration)
        {
            return false;
        }
        lock (_gate)
        {
            if (State != CircuitState.Open || time.GetElapsedTime(_openedAt) < breakDuration)
            {
                return State == CircuitState.Closed;
            }
            Volatile.Write(ref _state, (int)CircuitState.HalfOpen);
        }
        isProbe = true;
        onTransition?.Invoke(CircuitState.Open, CircuitState.HalfOpen);
        return true;
    }

    public void RecordSuccess(bool isProbe)
    {
        if (!isProbe)
        {
            // Late successes of calls that started before the circuit opened do not close it: only a probe does.
            if (Volatile.Read(ref _consecutiveFailures) != 0 && State == CircuitState.Closed)
            {
                Volatile.Write(ref _consecutiveFailures, 0);
            }
            return;
        }
        lock (_gate)
        {
            _consecutiveFailures = 0;
            Volatile.Write(ref _state, (int)CircuitState.Closed);
        }
        onTransition?.Invoke(CircuitState.HalfOpen, CircuitState.Closed);
    }

    public void RecordFailure(bool isProbe)
    {
        CircuitState from;
        lock (_gate)
        {
            from = State;
            if (isProbe)
            {
                Open();
            }
            else if (from == CircuitState.Closed && ++_consecutiveFailures >= failuresBeforeBreaking)
            {
                Open();
            }
            else
            {
                return;
            }
        }
        onTransition?.Invoke(from, CircuitState.Open);
    }

    private void Open()
    {
        Volatile.Write(ref _openedAt, time.GetTimestamp());
        Volatile.Write(ref _state, (int)CircuitState.Open);
    }
}
