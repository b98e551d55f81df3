namespace Gateway.Scoring.Addressing;

internal enum CidrParseResult
{
    Invalid,
    Valid,

    /// <summary>Parsed, but the address had bits set past the prefix (<c>10.1.2.3/8</c>); the range is the network's.</summary>
    HostBitsSet,
}
