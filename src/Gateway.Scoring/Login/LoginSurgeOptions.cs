namespace Gateway.Scoring.Login;

/// <summary>
/// Site-wide attack detection of one login profile, under <c>Protection:Login:Profiles:NAME:Surge</c>.
/// The profile is under attack while the share of its recent login attempts that failed or were
/// stopped, and their number, are well above its baseline. Then logins without evidence of being
/// the account's owner are challenged (see <see cref="LoginSurge"/>).
/// </summary>
public sealed class LoginSurgeOptions
{
    /// <summary>Whether the profile keeps site-wide counts and challenges during an attack. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Name of the site-wide count this profile shares. Profiles that sign in to the same accounts
    /// (a login form and a JSON API) should share one: an attack split over both routes is then
    /// seen whole. Profiles sharing a name must have the same surge settings. Default: the profile's name.
    /// </summary>
    public string? Site { get; set; }

    /// <summary>Half-life of the short window, in seconds. Default 120.</summary>
    public double ShortHalfLifeSeconds { get; set; } = 120;

    /// <summary>Half-life of the baseline, in seconds; it only learns while not under attack. Default 3600.</summary>
    public double BaselineHalfLifeSeconds { get; set; } = 3600;

    /// <summary>Failed or stopped attempts (decayed) the short window needs before an attack can start: a quiet site never trips. Default 20.</summary>
    public double MinFailing { get; set; } = 20;

    /// <summary>Distinct usernames failing recently (10 to 20 minutes) before an attack can start: one account's brute force is not a site-wide attack. Default 10.</summary>
    public int MinFailingUsernames { get; set; } = 10;

    /// <summary>Failed-or-stopped share of the short window's attempts needed, whatever the baseline. Default 0.3.</summary>
    public double MinFailingRatio { get; set; } = 0.3;

    /// <summary>The short window's failed-or-stopped share must also be this many times the baseline's. Default 2.5.</summary>
    public double BaselineFactor { get; set; } = 2.5;

    /// <summary>Baseline attempts (decayed) below which the baseline is too thin to judge by, and only <see cref="MinFailingRatio"/> applies. Default 50.</summary>
    public double MinBaselineAttempts { get; set; } = 50;

    /// <summary>
    /// Hysteresis: an attack ends when the failed-or-stopped share falls below this fraction of the
    /// level that started it, or their number below this fraction of <see cref="MinFailing"/>. Default 0.6.
    /// </summary>
    public double ExitFactor { get; set; } = 0.6;
}
