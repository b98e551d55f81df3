using Gateway.Scoring.Features.Resilience;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Features.Resilience;

public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _time = new();
    private readonly List<(CircuitState From, CircuitState To)> _transitions = [];

    [Fact]
    public void Closed_OpensOnlyAfterTheConfiguredConsecutiveFailures()
    {
        var breaker = Create(failuresBeforeBreaking: 3);

        breaker.RecordFailure(isProbe: false);
        breaker.RecordFailure(isProbe: false);
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure(isProbe: false);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out _));
        Assert.Equal([(CircuitState.Closed, CircuitState.Open)], _transitions);
    }

    [Fact]
    public void Success_StartsTheFailureCountAgain()
    {
        var breaker = Create(failuresBeforeBreaking: 2);

        breaker.RecordFailure(isProbe: false);
        breaker.RecordSuccess(isProbe: false);
        breaker.RecordFailure(isProbe: false);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Open_RefusesUntilTheBreakEnds_ThenLetsExactlyOneProbeThrough()
    {
        var breaker = Create(failuresBeforeBreaking: 1);
        breaker.RecordFailure(isProbe: false);

        _time.Advance(Break - TimeSpan.FromTicks(1));
        Assert.False(breaker.TryEnter(out _));
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.True(breaker.TryEnter(out var isProbe));
        Assert.True(isProbe);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryEnter(out _));
    }

    [Fact]
    public void FailedProbe_OpensForAnotherFullBreak()
    {
        var breaker = Create(failuresBeforeBreaking: 1);
        breaker.RecordFailure(isProbe: false);
        _time.Advance(Break);
        breaker.TryEnter(out _);

        breaker.RecordFailure(isProbe: true);

        Assert.Equal(CircuitState.Open, breaker.State);
        _time.Advance(Break - TimeSpan.FromTicks(1));
        Assert.False(breaker.TryEnter(out _));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(breaker.TryEnter(out var isProbe));
        Assert.True(isProbe);
    }

    [Fact]
    public void SuccessfulProbe_Closes()
    {
        var breaker = Create(failuresBeforeBreaking: 1);
        breaker.RecordFailure(isProbe: false);
        _time.Advance(Break);
        breaker.TryEnter(out _);

        breaker.RecordSuccess(isProbe: true);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter(out var isProbe));
        Assert.False(isProbe);
        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen), (CircuitState.HalfOpen, CircuitState.Closed)],
            _transitions);
    }

    [Fact]
    public void LateSuccessOfACallStartedBeforeTheBreak_DoesNotClose()
    {
        var breaker = Create(failuresBeforeBreaking: 1);
        breaker.RecordFailure(isProbe: false);

        breaker.RecordSuccess(isProbe: false);

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task ConcurrentCallersAfterABreak_GetOneProbeBetweenThem()
    {
        var breaker = Create(failuresBeforeBreaking: 1);
        breaker.RecordFailure(isProbe: false);
        _time.Advance(Break);
        var probes = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (breaker.TryEnter(out var isProbe) && isProbe)
                {
                    Interlocked.Increment(ref probes);
                }
            }
        })));

        Assert.Equal(1, probes);
    }

    private CircuitBreaker Create(int failuresBeforeBreaking) =>
        new(Break, failuresBeforeBreaking, _time, (from, to) =>
        {
            lock (_transitions)
            {
                _transitions.Add((from, to));
            }
        });
}
