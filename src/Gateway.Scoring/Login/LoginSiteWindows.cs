namespace Gateway.Scoring.Login;

/// <summary>
/// Half-lives of a profile's site-wide counts (<see cref="LoginSurgeOptions"/>). Every replica of a
/// profile must use the same ones, since they decay the same shared counters.
/// </summary>
public readonly record struct LoginSiteWindows(TimeSpan ShortHalfLife, TimeSpan BaselineHalfLife)
{
    /// <summary>Counters are dropped after this long without a write (about 1/256 of the baseline left).</summary>
    public TimeSpan CounterLifetime => BaselineHalfLife * 8;
}
