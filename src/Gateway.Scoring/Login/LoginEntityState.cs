namespace Gateway.Scoring.Login;

/// <summary>
/// What a login store knows about one entity: decayed counts in the short (10 min half-life) and
/// long (1 h) windows, distinct counterparts (usernames of a network entity, addresses of a
/// username), and for usernames where they succeeded before (countries, ASNs, /24 or /64 subnets).
/// </summary>
public readonly record struct LoginEntityState(
    double Attempts10m,
    double Failures10m,
    double Successes10m,
    double Attempts1h,
    double Failures1h,
    double Successes1h,
    long Distinct10m,
    long Distinct1h,
    bool Cracked,
    int KnownLocations,
    bool CountryKnown,
    bool AsnKnown,
    bool SubnetKnown = false)
{
    public static LoginEntityState Empty => default;

    /// <summary>Failed share of the attempts the upstream answered (stopped ones excluded).</summary>
    public double FailureRatio10m => Ratio(Failures10m, Successes10m);

    public double FailureRatio1h => Ratio(Failures1h, Successes1h);

    private static double Ratio(double failures, double successes) =>
        failures + successes <= 0 ? 0 : failures / (failures + successes);
}
