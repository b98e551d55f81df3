namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>The metadata map at the end of a MaxMind DB file, validated.</summary>
/// <param name="NodeCount">Nodes in the search tree.</param>
/// <param name="RecordSize">Bits per search-tree record: 24, 28 or 32.</param>
/// <param name="IpVersion">4 (IPv4-only tree) or 6.</param>
/// <param name="DatabaseType">Layout of the records, chosen by the database's author.</param>
/// <param name="BuildEpoch">Build time, seconds since the Unix epoch.</param>
/// <param name="Languages">Locales that localised names may be given in; empty when absent.</param>
/// <param name="Description">Description by language code; empty when absent.</param>
internal sealed record MmdbMetadata(
    uint NodeCount,
    int RecordSize,
    int IpVersion,
    string DatabaseType,
    ulong BuildEpoch,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, string> Description,
    int BinaryFormatMajorVersion,
    int BinaryFormatMinorVersion)
{
    public DateTimeOffset BuildTime => DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(BuildEpoch, 253402300799UL));
}
