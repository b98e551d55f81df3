using System.Collections.Frozen;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Geo;

/// <summary>
/// One MaxMind-format database with every record it refers to decoded once, at load: a lookup
/// is then a tree walk and a dictionary read, with no allocation and no decode errors at request
/// time. Records are few next to networks (hundreds for a country database, tens of thousands
/// for an ASN one), so this costs little memory.
/// </summary>
internal sealed class GeoDatabase
{
    private readonly MmdbReader _reader;
    private readonly FrozenDictionary<int, GeoInfo> _records;

    private GeoDatabase(MmdbReader reader, FrozenDictionary<int, GeoInfo> records, int countryRecords, int asnRecords)
    {
        _reader = reader;
        _records = records;
        CountryRecords = countryRecords;
        AsnRecords = asnRecords;
    }

    public string FilePath => _reader.FilePath;

    public MmdbMetadata Metadata => _reader.Metadata;

    /// <summary>Distinct records that carry a country code.</summary>
    public int CountryRecords { get; }

    /// <summary>Distinct records that carry an autonomous system number.</summary>
    public int AsnRecords { get; }

    public int Records => _records.Count;

    public int SizeInBytes => _reader.SizeInBytes;

    /// <exception cref="MmdbFormatException">The file is missing, unreadable or corrupt.</exception>
    public static GeoDatabase Load(string path, Func<string, string> intern) => FromReader(MmdbReader.Open(path), intern);

    public static GeoDatabase FromReader(MmdbReader reader, Func<string, string> intern)
    {
        var offsets = reader.DataOffsets;
        var records = new Dictionary<int, GeoInfo>(offsets.Count);
        var countryRecords = 0;
        var asnRecords = 0;
        foreach (var offset in offsets)
        {
            var info = GeoRecordReader.Read(reader.Decode(offset), intern);
            records.Add(offset, info);
            countryRecords += info.CountryCode is null ? 0 : 1;
            asnRecords += info.Asn == 0 ? 0 : 1;
        }
        return new GeoDatabase(reader, records.ToFrozenDictionary(), countryRecords, asnRecords);
    }

    /// <param name="address">4 or 16 network-order bytes.</param>
    public GeoInfo Lookup(ReadOnlySpan<byte> address)
    {
        var result = _reader.Find(address);
        return result.IsFound && _records.TryGetValue(result.DataOffset, out var info) ? info : GeoInfo.Unknown;
    }

    public bool Knows(GeoDatabaseKind kind) => kind == GeoDatabaseKind.Country ? CountryRecords > 0 : AsnRecords > 0;

    public string Describe()
    {
        var metadata = Metadata;
        return $"{Path.GetFileName(FilePath)} ({metadata.DatabaseType}, IPv{metadata.IpVersion} tree, " +
               $"{metadata.NodeCount} nodes, {Records} records, built {metadata.BuildTime:yyyy-MM-dd})";
    }
}
