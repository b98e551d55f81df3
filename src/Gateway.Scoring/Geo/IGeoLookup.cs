using System.Net;

namespace Gateway.Scoring.Geo;

/// <summary>Country and autonomous system of an address, from MaxMind-format databases.</summary>
public interface IGeoLookup
{
    /// <summary>Never throws; unknown parts are null/0. Allocates nothing for an address asked about
    /// recently; at most one small cache entry otherwise (see <c>Addressing/AddressAnswerCache</c>).</summary>
    GeoInfo Lookup(IPAddress address);
}

/// <param name="CountryCode">ISO 3166-1 alpha-2, upper case; null when unknown.</param>
/// <param name="Asn">Autonomous system number; 0 when unknown.</param>
/// <param name="AsnOrganization">Organisation of the AS; null when unknown.</param>
public readonly record struct GeoInfo(string? CountryCode, uint Asn, string? AsnOrganization)
{
    public static GeoInfo Unknown => default;
}
