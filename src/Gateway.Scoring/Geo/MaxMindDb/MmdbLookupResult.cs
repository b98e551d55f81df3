namespace Gateway.Scoring.Geo.MaxMindDb;

/// <param name="DataOffset">Offset of the record in the data section; only meaningful when found.</param>
/// <param name="PrefixLength">
/// Length of the network the answer holds for, in bits of the tree's own address width (an IPv4
/// address in an IPv6 tree counts the 96 leading bits), as libmaxminddb reports it.
/// </param>
internal readonly record struct MmdbLookupResult(MmdbLookupStatus Status, int DataOffset, int PrefixLength)
{
    public bool IsFound => Status == MmdbLookupStatus.Found;
}
