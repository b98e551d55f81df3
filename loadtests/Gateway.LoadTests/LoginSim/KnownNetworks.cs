namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// Autonomous systems the simulator places its actors in. Only those the bundled ASN database knows
/// (and where the sample found address blocks) are used, so ASN and country features are real.
/// Hosting networks are the gateway's own default list.
/// </summary>
internal static class KnownNetworks
{
    /// <summary>Big home broadband providers (US, DE, FR, GB, ES, IT, NL, CA, AU, JP, BR, IN).</summary>
    public static readonly uint[] Residential =
    [
        7922, 20115, 7018, 701, 22773, 209,
        3320, 3209, 6805,
        3215, 12322, 5410, 15557,
        2856, 5089, 5607,
        3352, 3269, 1136, 33915, 577, 812, 1221, 4713, 28573, 24560,
    ];

    /// <summary>Mobile carriers (addresses change between sessions, within the carrier's blocks).</summary>
    public static readonly uint[] Mobile = [21928, 6167, 20057, 12576, 25135];

    public static IReadOnlyList<uint> Hosting => Gateway.Scoring.Login.HostingAsns.Default;
}
