namespace Gateway.Scoring.Reputation;

/// <summary>
/// IP reputation blocklists (<c>Protection:Reputation</c>).
/// </summary>
/// <remarks>
/// Lists have no defaults in code: configuration binding appends to a pre-filled collection
/// instead of replacing it, so defaults there could never be removed and would shift every
/// configured index (and with it the keys in error messages). For the same reason the built-in
/// exemptions are a switch, <see cref="ExemptSpecialPurposeRanges"/>, and <see cref="ExemptRanges"/>
/// only adds to them.
/// </remarks>
public sealed class ReputationOptions
{
    /// <summary>At most 64 lists; index i is bit i of <see cref="ReputationMatch.ListMask"/>. Default none.</summary>
    public List<ReputationListOptions> Lists { get; set; } = [];

    /// <summary>
    /// Never flag the IANA special-purpose ranges (loopback, private, CGNAT, link-local, ULA,
    /// documentation, multicast, ...; see <see cref="SpecialPurposeRanges"/>). Public lists such as
    /// firehol_level1 include bogons, and a gateway behind a load balancer or on loopback sees such
    /// addresses as peers. Default true.
    /// </summary>
    public bool ExemptSpecialPurposeRanges { get; set; } = true;

    /// <summary>Further addresses or CIDR networks never flagged, e.g. your own egress. Host bits must be zero. Default none.</summary>
    public List<string> ExemptRanges { get; set; } = [];

    /// <summary>
    /// When true, a missing or malformed list file switches the reputation signal off with a warning
    /// instead of failing startup. Invalid settings are errors either way. Default false.
    /// </summary>
    public bool Optional { get; set; }
}
