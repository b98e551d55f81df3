namespace Gateway.Scoring.Geo;

/// <summary>
/// Takes the country and autonomous system out of a decoded record, whatever its layout:
/// GeoIP2-Country (<c>country.iso_code</c>), sapics (<c>country_code</c>) or GeoLite2-ASN.
/// </summary>
internal static class GeoRecordReader
{
    /// <param name="intern">Returns one shared instance per distinct string, so that records share them.</param>
    public static GeoInfo Read(object record, Func<string, string> intern)
    {
        if (record is not Dictionary<string, object> map)
        {
            return GeoInfo.Unknown;
        }
        var country = CountryCode(map);
        var asn = map.TryGetValue("autonomous_system_number", out var number) ? AsUInt32(number) : 0;
        var organization = asn != 0 && map.TryGetValue("autonomous_system_organization", out var org) && org is string name && name.Length > 0
            ? intern(name)
            : null;
        return new GeoInfo(country is null ? null : intern(country), asn, organization);
    }

    private static string? CountryCode(Dictionary<string, object> map)
    {
        object? code = null;
        if (map.TryGetValue("country", out var country) && country is Dictionary<string, object> countryMap)
        {
            countryMap.TryGetValue("iso_code", out code);
        }
        else
        {
            map.TryGetValue("country_code", out code);
        }
        // The contract promises ISO 3166-1 alpha-2 in upper case; anything else is not a country.
        return code is string { Length: 2 } text && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1])
            ? text.ToUpperInvariant()
            : null;
    }

    private static uint AsUInt32(object value) => value switch
    {
        uint v => v,
        ushort v => v,
        ulong v when v <= uint.MaxValue => (uint)v,
        int v when v > 0 => (uint)v,
        _ => 0,
    };
}
