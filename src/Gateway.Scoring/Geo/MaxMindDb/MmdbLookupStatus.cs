namespace Gateway.Scoring.Geo.MaxMindDb;

internal enum MmdbLookupStatus
{
    /// <summary>The address lies in a network that has a record.</summary>
    Found,

    /// <summary>The address lies in a network without a record (private ranges, unallocated space).</summary>
    NotFound,

    /// <summary>An IPv6 address (not IPv4-mapped) asked of an IPv4-only database.</summary>
    AddressFamilyNotInDatabase,
}
