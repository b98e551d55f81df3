namespace Gateway.Scoring.Login;

/// <summary>
/// Site-wide login counts of one login profile (route): decayed attempts, failures and attempts the
/// gateway stopped, in a short window and in a long baseline, and the distinct usernames that failed
/// recently. The baseline only learns while the profile is not under attack, so that a long attack
/// does not become the new normal.
/// </summary>
public readonly record struct LoginSiteState(
    double ShortAttempts,
    double ShortFailures,
    double ShortStopped,
    double BaselineAttempts,
    double BaselineFailures,
    double BaselineStopped,
    long FailingUsernames)
{
    public static LoginSiteState Empty => default;

    /// <summary>Attempts that failed or were stopped, in the short window.</summary>
    public double ShortFailing => ShortFailures + ShortStopped;

    /// <summary>Share of the short window's attempts that failed or were stopped.</summary>
    public double ShortFailingRatio => Ratio(ShortFailing, ShortAttempts);

    /// <summary>Share of the baseline's attempts that failed or were stopped.</summary>
    public double BaselineFailingRatio => Ratio(BaselineFailures + BaselineStopped, BaselineAttempts);

    /// <summary>
    /// The baseline without (roughly) the short window's attempts: what was normal before the last
    /// few minutes, so that an attack not yet detected does not raise the bar it is judged by.
    /// </summary>
    public double EarlierAttempts => Math.Max(0, BaselineAttempts - ShortAttempts);

    /// <inheritdoc cref="EarlierAttempts"/>
    public double EarlierFailingRatio =>
        Ratio(Math.Max(0, BaselineFailures + BaselineStopped - ShortFailing), EarlierAttempts);

    private static double Ratio(double part, double whole) => whole <= 0 ? 0 : Math.Min(1, part / whole);
}
