namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// The in-process counterpart of a profile's site-wide Redis hash: short-window and baseline
/// counters, each decayed from its own last update (the baseline is not written while under
/// attack), and the failing usernames of the current and previous short period.
/// </summary>
internal sealed class LoginSiteRecord
{
    private readonly Lock _gate = new();
    private long _shortAt, _baselineAt;
    private double _attemptsShort, _failuresShort, _stoppedShort;
    private double _attemptsBaseline, _failuresBaseline, _stoppedBaseline;
    private PeriodSketch _failing;

    public void Record(in LoginSiteObservation observation, LoginSiteWindows windows, long now)
    {
        var failure = observation.Outcome == LoginOutcome.Failure ? 1 : 0;
        var stopped = observation.Outcome == LoginOutcome.Stopped ? 1 : 0;
        lock (_gate)
        {
            var s = Decay(ref _shortAt, now, windows.ShortHalfLife);
            _attemptsShort = (_attemptsShort * s) + 1;
            _failuresShort = (_failuresShort * s) + failure;
            _stoppedShort = (_stoppedShort * s) + stopped;
            if (observation.LearnBaseline)
            {
                var b = Decay(ref _baselineAt, now, windows.BaselineHalfLife);
                _attemptsBaseline = (_attemptsBaseline * b) + 1;
                _failuresBaseline = (_failuresBaseline * b) + failure;
                _stoppedBaseline = (_stoppedBaseline * b) + stopped;
            }
            if (failure == 1 && observation.Username != 0)
            {
                _failing.Add(LoginWindows.ShortPeriodAt(now), observation.Username);
            }
        }
    }

    public LoginSiteState Read(LoginSiteWindows windows, long now)
    {
        lock (_gate)
        {
            var s = _shortAt == 0 ? 1 : LoginWindows.Decay(now - _shortAt, windows.ShortHalfLife);
            var b = _baselineAt == 0 ? 1 : LoginWindows.Decay(now - _baselineAt, windows.BaselineHalfLife);
            return new LoginSiteState(
                _attemptsShort * s, _failuresShort * s, _stoppedShort * s,
                _attemptsBaseline * b, _failuresBaseline * b, _stoppedBaseline * b,
                _failing.Count(LoginWindows.ShortPeriodAt(now)));
        }
    }

    /// <summary>The factor to bring counters last updated at <paramref name="at"/> to now; moves the stamp.</summary>
    private static double Decay(ref long at, long now, TimeSpan halfLife)
    {
        var factor = at == 0 ? 1 : LoginWindows.Decay(now - at, halfLife);
        if (now > at)
        {
            at = now;
        }
        return factor;
    }
}
