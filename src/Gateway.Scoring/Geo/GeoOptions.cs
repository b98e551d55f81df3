namespace Gateway.Scoring.Geo;

/// <summary>Configuration section <c>Protection:Geo</c>: which MaxMind-format databases answer GeoIP.</summary>
/// <remarks>
/// Paths are resolved by <see cref="Configuration.AssetPaths"/>: absolute as given, relative against
/// the content root, then the binary's folder (where the bundled <c>assets/geoip</c> files are).
/// Files may be <c>.mmdb</c> or gzip-compressed <c>.mmdb.gz</c>. The lists default to
/// <see langword="null"/>, meaning "the bundled databases", because the configuration binder
/// appends configured items to a non-empty default array instead of replacing it.
/// </remarks>
public sealed class GeoOptions
{
    /// <summary>Bundled DB-IP Country Lite (2025-01, IPv4 and IPv6).</summary>
    public static IReadOnlyList<string> DefaultCountryDatabases { get; } =
        ["assets/geoip/dbip-country-lite-2025-01.mmdb.gz"];

    /// <summary>
    /// Bundled DB-IP ASN Lite: the 2025-12 IPv6-only build first (newer), then the 2021-11 build,
    /// which is the only one here that covers IPv4.
    /// </summary>
    public static IReadOnlyList<string> DefaultAsnDatabases { get; } =
        ["assets/geoip/dbip-asn-ipv6.mmdb.gz", "assets/geoip/dbip-asn-lite-2021-11.mmdb.gz"];

    /// <summary>
    /// Databases that answer the country, asked in order; the first that knows the address wins.
    /// Records may be GeoIP2-Country style (<c>country.iso_code</c>) or sapics style
    /// (<c>country_code</c>). Default: <see langword="null"/>, meaning <see cref="DefaultCountryDatabases"/>.
    /// </summary>
    public string[]? CountryDatabases { get; set; }

    /// <summary>
    /// Databases that answer the autonomous system (<c>autonomous_system_number</c>,
    /// <c>autonomous_system_organization</c>), asked in order; the first that knows the address
    /// wins. Default: <see langword="null"/>, meaning <see cref="DefaultAsnDatabases"/>.
    /// </summary>
    public string[]? AsnDatabases { get; set; }

    /// <summary>
    /// When <see langword="true"/>, a missing or corrupt database is a startup warning and the
    /// GeoIP signal answers "unknown"; when <see langword="false"/>, it is a startup error.
    /// Default: <see langword="false"/>.
    /// </summary>
    public bool Optional { get; set; }
}
