using Gateway.TestSupport;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>The DB-IP databases beside the repository (<c>../shared/data/geoip</c>) and the bundled copies.</summary>
internal static class GeoTestData
{
    public const string CountryLite = "dbip-country-lite-2025-01.mmdb";
    public const string AsnLite = "dbip-asn-lite-2021-11.mmdb";
    public const string CountryIPv4 = "dbip-country-ipv4.mmdb";
    public const string CountryIPv6 = "dbip-country-ipv6.mmdb";
    public const string AsnIPv6 = "dbip-asn-ipv6.mmdb";

    public static readonly string[] AllDatabases = [CountryLite, AsnLite, CountryIPv4, CountryIPv6, AsnIPv6];

    public static string BundledFolder => RepoPaths.InRepo("src", "Gateway", "assets", "geoip");

    /// <summary>Fails loudly when the shared data is absent: a skipped comparison would pass silently.</summary>
    public static string SharedFolder
    {
        get
        {
            var folder = Path.Combine(RepoPaths.SharedData, "geoip");
            if (!File.Exists(Path.Combine(folder, CountryLite)))
            {
                Assert.Fail($"The shared GeoIP data is missing: expected {Path.Combine(folder, CountryLite)}. " +
                            "These tests compare the reader with mmdblookup on the real databases and cannot run without them.");
            }
            return folder;
        }
    }

    public static string Shared(string fileName) => Path.Combine(SharedFolder, fileName);

    public static string Bundled(string fileName) => Path.Combine(BundledFolder, fileName);
}
