using System.Globalization;

namespace Gateway.Scoring.Login;

/// <summary>
/// Names of a username's remembered locations: <c>c:US</c> for countries, <c>a:7922</c> for ASNs,
/// <c>n:198.51.100.0/24</c> for subnets.
/// </summary>
internal static class LocationFields
{
    public static string Country(string code) => "c:" + code;

    public static string Subnet(string subnet) => "n:" + subnet;

    public static string Asn(uint asn) => "a:" + asn.ToString(CultureInfo.InvariantCulture);
}
