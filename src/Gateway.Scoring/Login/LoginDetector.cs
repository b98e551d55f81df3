namespace Gateway.Scoring.Login;

/// <summary>
/// Turns what the store knew into contributions to the risk. Each count-based detector has a
/// challenge point and (where blocking is safe) a block point: at the first its contribution equals
/// the policy's challenge threshold, between the two it rises linearly to the block threshold, and
/// beyond it towards 1. Evidence about a username alone, an ASN or hosting networks as a whole
/// never blocks (that would lock out the account's owner or everyone on a network); evidence about
/// the client's own IP or subnet may. Thresholds are scaled by <see cref="LoginProfileOptions.PriorFactor"/>
/// for clients on hosting networks or anonymizers. While the profile is under a site-wide attack
/// (<see cref="LoginSurge"/>), logins without evidence of being the owner's are challenged.
/// </summary>
internal static class LoginDetector
{
    /// <summary>Failures an entity needs before its usernames count as stuffing (one typo is not a campaign).</summary>
    private const double MinimumFailures = 2;

    /// <summary>One event, allowing for its decay since (counts are decayed, never quite whole).</summary>
    private const double DecayedOne = 0.5;

    /// <summary>Keeps a contribution "at" the challenge threshold from rounding below it in the noisy-OR.</summary>
    private const double Nudge = 1e-9;

    public static void Score(LoginAttempt attempt, double challenge, double block)
    {
        var o = attempt.Profile.Options;
        var prior = attempt.OnInfrastructure ? o.PriorFactor : 1.0;
        var levels = new Levels(challenge, block);

        // Evidence about a whole network (an ASN, hosting networks together) does not apply to a
        // username that has signed in from this very ASN before: the VPN user or the customer of a
        // big ISP during someone else's campaign on it. The IP's and subnet's own evidence still does.
        var aggregate = attempt.Username is null || !attempt.UsernameState.AsnKnown;
        // Hosting networks as a whole only speak against providers that take part: this ASN has
        // failed logins of its own. A VPN user on an uninvolved provider is left alone; a campaign
        // rotating over providers loses one attempt per new provider.
        var participates = attempt.AsnState.Failures10m >= DecayedOne && attempt.AsnState.FailureRatio10m >= o.MinFailureRatio;
        var stuffing = Max(
            levels.Escalate(Usernames(attempt.IpState, o, longWindow: false), o.IpUsernamesChallenge * prior, o.IpUsernamesBlock * prior),
            levels.Escalate(Usernames(attempt.SubnetState, o, false), o.SubnetUsernamesChallenge * prior, o.SubnetUsernamesBlock * prior),
            aggregate ? levels.Escalate(Usernames(attempt.AsnState, o, false), o.AsnUsernamesChallenge * prior, null) : 0,
            aggregate && participates && attempt.OnInfrastructure ? levels.Escalate(Usernames(attempt.InfrastructureState, o, false), o.InfrastructureUsernamesChallenge, null) : 0);
        var f = o.SprayingFactor;
        var spraying = Max(
            levels.Escalate(Usernames(attempt.IpState, o, longWindow: true), o.IpUsernamesChallenge * prior * f, o.IpUsernamesBlock * prior * f),
            levels.Escalate(Usernames(attempt.SubnetState, o, true), o.SubnetUsernamesChallenge * prior * f, o.SubnetUsernamesBlock * prior * f),
            aggregate ? levels.Escalate(Usernames(attempt.AsnState, o, true), o.AsnUsernamesChallenge * prior * f, null) : 0,
            aggregate && attempt.OnInfrastructure && attempt.AsnState.Failures1h >= DecayedOne && attempt.AsnState.FailureRatio1h >= o.MinFailureRatio ? levels.Escalate(Usernames(attempt.InfrastructureState, o, true), o.InfrastructureUsernamesChallenge * f, null) : 0);
        // One campaign seen through two windows is one piece of evidence: keep the stronger.
        if (stuffing >= spraying)
        {
            spraying = 0;
        }
        else
        {
            stuffing = 0;
        }

        var ip = attempt.IpState;
        var ipFailures = ip.FailureRatio10m >= o.MinFailureRatio ? ip.Failures10m : 0;
        var bruteForce = Math.Max(
            levels.Escalate(ipFailures, o.IpFailuresChallenge * prior, o.IpFailuresBlock * prior),
            attempt.Username is null ? 0 : Math.Max(
                levels.Escalate(attempt.UsernameState.Failures10m, o.UsernameFailuresChallenge * prior, null),
                // Distinct addresses per username: one account tried from many places, slowly.
                levels.Escalate(Usernames(attempt.UsernameState, o, longWindow: true), o.UsernameAddressesChallenge * prior, null)));

        var user = attempt.UsernameState;
        var knownGeo = attempt.Geo.CountryCode is not null || attempt.Geo.Asn != 0;
        attempt.NewLocation = attempt.Username is not null && knownGeo && user.KnownLocations > 0 && !user.CountryKnown && !user.AsnKnown
            && !attempt.DeviceVouched ? o.NewLocationRisk : 0;
        attempt.Cracked = (attempt.Username is not null && user.Cracked) || ip.Cracked ? o.CrackedRisk : 0;
        attempt.Hosting = attempt.IsHosting ? o.HostingRisk : 0;
        attempt.Stuffing = stuffing;
        attempt.Spraying = spraying;
        attempt.BruteForce = bruteForce;
        attempt.UnderSurge = attempt.Profile.Surge.Update(attempt.SiteState);
        // Under a site-wide attack, a login with no evidence of being the owner's is challenged
        // (never blocked): a real user on a new network solves it, a stuffing bot does not.
        attempt.Surge = attempt.UnderSurge && !LooksLikeOwner(attempt) ? levels.Challenge + Nudge : 0;
        attempt.Assessed = true;
    }

    /// <summary>
    /// The username has signed in successfully from this /24 (/64) or this ASN before, or from this
    /// very device (its remembered-device cookie names the username). Only the surge and the new
    /// location listen to this: evidence about the client's own IP or subnet applies to everyone.
    /// </summary>
    internal static bool LooksLikeOwner(LoginAttempt attempt) =>
        attempt.Username is not null && (attempt.UsernameState.SubnetKnown || attempt.UsernameState.AsnKnown || attempt.DeviceVouched);

    /// <summary>
    /// Distinct counterparts of an entity (usernames of a network entity, addresses of a username),
    /// weighted by how many of its answered attempts failed.
    /// </summary>
    internal static double Usernames(in LoginEntityState state, LoginProfileOptions o, bool longWindow)
    {
        var (ratio, failures, distinct) = longWindow
            ? (state.FailureRatio1h, state.Failures1h, state.Distinct1h)
            : (state.FailureRatio10m, state.Failures10m, state.Distinct10m);
        return ratio >= o.MinFailureRatio && failures >= MinimumFailures - DecayedOne ? distinct * ratio : 0;
    }

    /// <summary>Whether a success after this history looks like a cracked credential.</summary>
    public static bool LooksCracked(LoginAttempt attempt)
    {
        if (!attempt.Assessed)
        {
            return false;
        }
        var o = attempt.Profile.Options;
        return (attempt.Username is not null && attempt.UsernameState.Failures10m >= o.CrackedAfterFailures)
            || attempt.Stuffing > 0 || attempt.Spraying > 0 || attempt.BruteForce > 0;
    }

    private static double Max(double a, double b, double c, double d) => Math.Max(Math.Max(a, b), Math.Max(c, d));

    private readonly record struct Levels(double Challenge, double Block)
    {
        /// <param name="blockAt">Null: this evidence may challenge but never block.</param>
        public double Escalate(double evidence, double challengeAt, double? blockAt)
        {
            if (evidence <= 0 || evidence < challengeAt)
            {
                return 0;
            }
            if (blockAt is not { } limit)
            {
                return Challenge + Nudge;
            }
            if (evidence < limit)
            {
                return Challenge + Nudge + ((Block - Challenge) * (evidence - challengeAt) / Math.Max(1e-9, limit - challengeAt));
            }
            return Math.Min(1.0, Block + Nudge + ((1 - Block) * (evidence - limit) / limit));
        }
    }
}
