using Gateway.Scoring.Login;
using Gateway.Scoring.Login.InProcess;
using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Login;

/// <summary>
/// Site-wide attack detection over a real in-process store and a manual clock, with the default
/// windows (2 min short half-life, 1 h baseline). Each simulated attempt is read, judged and learned
/// the way <c>LoginDefence</c> does it; attempts the surge would challenge are learned as stopped.
/// </summary>
public sealed class LoginSurgeTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly InProcessLoginStore _store;
    private readonly LoginSurge _surge = new("form", new LoginSurgeOptions(), metrics: null);
    private int _user;

    public LoginSurgeTests() => _store = new InProcessLoginStore(10_000, _time);

    /// <summary>
    /// Plays <paramref name="perMinute"/> attempts a minute for <paramref name="minutes"/>, every
    /// <paramref name="failEvery"/>-th failing (0: none), each on its own username. Returns the
    /// share of attempts judged under attack.
    /// </summary>
    private double Play(int perMinute, int failEvery, double minutes, bool attackerStoppedUnderSurge = false)
    {
        var total = (int)(perMinute * minutes);
        var underAttack = 0;
        var step = TimeSpan.FromMinutes(1.0 / perMinute);
        for (var i = 0; i < total; i++)
        {
            _time.Advance(step);
            var active = _surge.Update(_store.ReadSite("form", _surge.Windows));
            underAttack += active ? 1 : 0;
            var fails = failEvery > 0 && i % failEvery == 0;
            var outcome = !fails ? LoginOutcome.Success
                : active && attackerStoppedUnderSurge ? LoginOutcome.Stopped
                : LoginOutcome.Failure;
            var user = (ulong)Interlocked.Increment(ref _user) * 0x9E3779B97F4A7C15UL;
            _store.RecordSite("form", new LoginSiteObservation(outcome, outcome == LoginOutcome.Failure ? user : 0, LearnBaseline: !active), _surge.Windows);
        }
        return (double)underAttack / Math.Max(1, total);
    }

    private bool ActiveNow() => _surge.Update(_store.ReadSite("form", _surge.Windows));

    [Fact]
    public void AQuietSite_WhereEveryLoginFails_NeverTrips()
    {
        // Two logins a minute, all failing: a failing share of 100%, but never the volume of an attack.
        Assert.Equal(0, Play(perMinute: 2, failEvery: 1, minutes: 120));
    }

    [Fact]
    public void ABusyButNormalSite_NeverTrips()
    {
        // 300 logins a minute, one in ten a typo: lots of failures, at the normal share.
        Assert.Equal(0, Play(perMinute: 300, failEvery: 10, minutes: 90));
    }

    [Fact]
    public void ABusySiteWhoseNormalFailureShareIsHigh_DoesNotTripOnItsOwnNormal()
    {
        Assert.Equal(0, Play(perMinute: 100, failEvery: 4, minutes: 120)); // 25% fail, always
    }

    [Fact]
    public void AStuffingBurstAboveTheBaseline_Trips_WithinAFewMinutes()
    {
        Play(perMinute: 20, failEvery: 10, minutes: 60);
        Assert.False(ActiveNow());

        // 20 legitimate logins a minute go on; 20 stuffing attempts a minute, all failing, join them.
        var first = Play(perMinute: 40, failEvery: 2, minutes: 3);
        var later = Play(perMinute: 40, failEvery: 2, minutes: 10, attackerStoppedUnderSurge: true);

        Assert.True(first > 0, $"the attack was not detected within 3 minutes: {_store.ReadSite("form", _surge.Windows)}");
        Assert.True(later == 1.0, $"under attack {later:P1} of the time: {_store.ReadSite("form", _surge.Windows)}");
    }

    [Fact]
    public void AnAttack_StaysOnWhileItsAttemptsAreStopped_AndEndsAfterIt()
    {
        Play(perMinute: 20, failEvery: 10, minutes: 60);
        Play(perMinute: 40, failEvery: 2, minutes: 5, attackerStoppedUnderSurge: true);
        Assert.True(ActiveNow(), $"{_store.ReadSite("form", _surge.Windows)}");

        // Thirty minutes of stuffing, its attempts stopped: the baseline does not learn them.
        Assert.Equal(1.0, Play(perMinute: 40, failEvery: 2, minutes: 30, attackerStoppedUnderSurge: true));
        Assert.InRange(_store.ReadSite("form", _surge.Windows).BaselineFailingRatio, 0.05, 0.15);

        // The attack ends; normal traffic resumes.
        Play(perMinute: 20, failEvery: 10, minutes: 10);
        Assert.False(ActiveNow());
        Assert.Equal(0, Play(perMinute: 20, failEvery: 10, minutes: 30));
    }

    [Fact]
    public void AnAttackOnAQuietSite_EndsWhenTheSiteFallsSilent()
    {
        Play(perMinute: 20, failEvery: 10, minutes: 60);
        Play(perMinute: 60, failEvery: 1, minutes: 5);
        Assert.True(ActiveNow());

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(ActiveNow());
    }

    [Fact]
    public void OneAccountsBruteForce_OnAQuietSite_IsNotASiteWideAttack()
    {
        // Many failures, all on one username: the IP and username detectors' business, not the site's.
        for (var i = 0; i < 300; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(ActiveNow());
            _store.RecordSite("form", new LoginSiteObservation(LoginOutcome.Failure, 42, LearnBaseline: true), _surge.Windows);
        }
    }

    [Fact]
    public void StartLevel_IsTheFloorOrAMultipleOfTheBaseline()
    {
        var surge = new LoginSurge("form", new LoginSurgeOptions(), metrics: null);

        Assert.Equal(0.3, surge.StartLevel(new LoginSiteState(0, 0, 0, 10, 9, 0, 0)), 6); // baseline too thin
        Assert.Equal(0.3, surge.StartLevel(new LoginSiteState(0, 0, 0, 1000, 50, 0, 0)), 6);
        Assert.Equal(0.5, surge.StartLevel(new LoginSiteState(0, 0, 0, 1000, 150, 50, 0)), 6);
        Assert.Equal(0.9, surge.StartLevel(new LoginSiteState(0, 0, 0, 1000, 600, 0, 0)), 6);
        // The short window's own attempts are taken out of the baseline: an attack does not raise its own bar.
        Assert.Equal(0.5, surge.StartLevel(new LoginSiteState(100, 100, 0, 1100, 300, 0, 0)), 6);
    }

    [Fact]
    public void ADisabledSurge_NeverTrips()
    {
        var surge = new LoginSurge("form", new LoginSurgeOptions { Enabled = false }, metrics: null);

        Assert.False(surge.Update(new LoginSiteState(1000, 900, 0, 1000, 10, 0, 500)));
    }
}
