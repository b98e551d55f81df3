using System.Net;
using Gateway.Scoring.Addressing;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Geo;

/// <summary>
/// Answers country and autonomous system from lists of databases: for each part, the first
/// database that knows the address wins. Immutable after load, so safe for any number of threads;
/// each answer is remembered per address (<see cref="AddressAnswerCache{TAnswer}"/>), so a client's
/// next requests skip the tree walks.
/// </summary>
internal sealed class GeoLookup : IGeoLookup
{
    private readonly GeoDatabase[] _countryDatabases;
    private readonly GeoDatabase[] _asnDatabases;
    private readonly AddressAnswerCache<GeoInfo> _answers;

    public GeoLookup(IReadOnlyList<GeoDatabase> countryDatabases, IReadOnlyList<GeoDatabase> asnDatabases)
    {
        _countryDatabases = [.. countryDatabases];
        _asnDatabases = [.. asnDatabases];
        _answers = new AddressAnswerCache<GeoInfo>();
        IsLoaded = true;
    }

    private GeoLookup()
    {
        _countryDatabases = [];
        _asnDatabases = [];
        _answers = new AddressAnswerCache<GeoInfo>(slotBits: 0);
    }

    /// <summary>The signal switched off: every address is unknown.</summary>
    public static GeoLookup Unavailable { get; } = new();

    /// <summary>False when the databases could not be loaded and every answer is unknown (for /readyz).</summary>
    public bool IsLoaded { get; }

    public IReadOnlyList<GeoDatabase> CountryDatabases => _countryDatabases;

    public IReadOnlyList<GeoDatabase> AsnDatabases => _asnDatabases;

    /// <summary>
    /// Loads every configured database, reporting each missing or corrupt one under its key
    /// (e.g. <c>Protection:Geo:CountryDatabases:0</c>). Problems are errors, or warnings when
    /// <see cref="GeoOptions.Optional"/>; either way the result is then <see cref="Unavailable"/>,
    /// because a half-loaded signal would answer differently from what was configured.
    /// </summary>
    public static GeoLookup Load(GeoOptions options, AssetPaths paths, ConfigurationErrors errors, string keyPrefix = "Protection:Geo")
    {
        var loader = new GeoLookupLoader(paths, keyPrefix);
        var countries = loader.LoadList(nameof(GeoOptions.CountryDatabases), options.CountryDatabases ?? GeoOptions.DefaultCountryDatabases, GeoDatabaseKind.Country);
        var asns = loader.LoadList(nameof(GeoOptions.AsnDatabases), options.AsnDatabases ?? GeoOptions.DefaultAsnDatabases, GeoDatabaseKind.Asn);
        if (loader.Problems.Count == 0)
        {
            return new GeoLookup(countries, asns);
        }
        foreach (var (key, message, file) in loader.Problems)
        {
            if (options.Optional)
            {
                errors.Warn(key, message, file);
            }
            else
            {
                errors.Add(key, message, file);
            }
        }
        if (options.Optional)
        {
            errors.Warn(keyPrefix, "GeoIP is switched off (Optional is true): every address is looked up as unknown");
        }
        return Unavailable;
    }

    public GeoInfo Lookup(IPAddress address)
    {
        Span<byte> buffer = stackalloc byte[16];
        if (!IsLoaded || address is null || !address.TryWriteBytes(buffer, out var written))
        {
            return GeoInfo.Unknown;
        }
        ReadOnlySpan<byte> bytes = buffer[..written];
        if (written == 16 && MmdbReader.IsIPv4Mapped(bytes))
        {
            // One answer per host, whether or not a database aliases ::ffff:0:0/96.
            bytes = bytes[12..];
        }
        var key = IpAddressBits.ToKey(bytes);
        if (_answers.TryGet(key, out var cached))
        {
            return cached;
        }
        var answer = LookupDatabases(bytes);
        _answers.Set(key, answer);
        return answer;
    }

    private GeoInfo LookupDatabases(ReadOnlySpan<byte> bytes)
    {
        string? country = null;
        foreach (var database in _countryDatabases)
        {
            country = database.Lookup(bytes).CountryCode;
            if (country is not null)
            {
                break;
            }
        }
        foreach (var database in _asnDatabases)
        {
            var info = database.Lookup(bytes);
            if (info.Asn != 0)
            {
                return new GeoInfo(country, info.Asn, info.AsnOrganization);
            }
        }
        return new GeoInfo(country, 0, null);
    }

    /// <summary>One line for the startup log: what answers, how old it is.</summary>
    public string Describe()
    {
        if (!IsLoaded)
        {
            return "GeoIP unavailable: every address is unknown";
        }
        return $"GeoIP country: [{string.Join("; ", Array.ConvertAll(_countryDatabases, d => d.Describe()))}]; " +
               $"ASN: [{string.Join("; ", Array.ConvertAll(_asnDatabases, d => d.Describe()))}]";
    }
}
