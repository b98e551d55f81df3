namespace Gateway.Scoring.Login;

/// <summary>
/// Whether one login profile is under a site-wide attack: credential stuffing spread so thinly over
/// addresses (residential proxies) that no IP, subnet or ASN has evidence of its own still raises
/// the share of the site's logins that fail. Starts when the short window's failed-or-stopped share
/// is at least <see cref="LoginSurgeOptions.MinFailingRatio"/> and <see cref="LoginSurgeOptions.BaselineFactor"/>
/// times the baseline's (without the short window's own attempts), with enough volume and distinct usernames; ends (hysteresis) once the
/// share or the volume falls below <see cref="LoginSurgeOptions.ExitFactor"/> of that. Stopped
/// attempts count as failing, so that the attack's own challenged attempts keep it on until the
/// attack ends. The state is this replica's view of the shared counts.
/// </summary>
/// <param name="site">The name of the site-wide count (<see cref="LoginSurgeOptions.Site"/>, by default the profile's).</param>
internal sealed class LoginSurge(string site, LoginSurgeOptions options, LoginMetrics? metrics)
{
    /// <summary>The start level never exceeds this, so a site with a high normal failure rate can still trip.</summary>
    private const double MaxLevel = 0.9;

    private int _active;

    public bool Enabled => options.Enabled;

    /// <summary>Names the shared counts in the store.</summary>
    public string Site => site;

    public LoginSiteWindows Windows { get; } = new(
        TimeSpan.FromSeconds(options.ShortHalfLifeSeconds), TimeSpan.FromSeconds(options.BaselineHalfLifeSeconds));

    public bool IsActive => Volatile.Read(ref _active) == 1;

    /// <summary>Judges the profile's latest counts and returns whether it is under attack now.</summary>
    public bool Update(in LoginSiteState state)
    {
        if (!options.Enabled)
        {
            return false;
        }
        var level = StartLevel(state);
        var active = IsActive;
        var next = active
            ? state.ShortFailing >= options.MinFailing * options.ExitFactor && state.ShortFailingRatio >= level * options.ExitFactor
            : state.ShortFailing >= options.MinFailing && state.ShortFailingRatio >= level && state.FailingUsernames >= options.MinFailingUsernames;
        if (next != active && Interlocked.CompareExchange(ref _active, next ? 1 : 0, active ? 1 : 0) == (active ? 1 : 0))
        {
            metrics?.Surge(site, next);
        }
        return next;
    }

    /// <summary>The failed-or-stopped share at which an attack starts, given the baseline.</summary>
    internal double StartLevel(in LoginSiteState state) =>
        state.EarlierAttempts >= options.MinBaselineAttempts
            ? Math.Min(MaxLevel, Math.Max(options.MinFailingRatio, options.BaselineFactor * state.EarlierFailingRatio))
            : options.MinFailingRatio;
}
