using Gateway.LoadTests.LoginSim;

namespace Gateway.LoadTests.Tests.LoginSim;

/// <summary>The network catalog of the bundled GeoIP databases, built once for the tests that need it.</summary>
internal static class SharedCatalog
{
    public static readonly LoginSimSettings Small = new()
    {
        Seed = 7, Users = 200, StuffingAttempts = 150, ResidentialStuffingAttempts = 40, SprayingAttempts = 50, BruteForceAttempts = 30,
        DurationSeconds = 5, NetworkSamples = 200_000,
    };

    private static readonly Lazy<NetworkCatalog> Catalog = new(() => NetworkCatalogLoader.Load(Small));

    public static NetworkCatalog Instance => Catalog.Value;
}
