namespace Gateway.Scoring.Challenge;

/// <summary>
/// The proof-of-work challenge and its clearance cookie, bound from <c>Protection:Challenge</c>.
/// A browser that is challenged solves a small hash puzzle, receives a signed clearance cookie and
/// then passes requests that would otherwise be challenged again (blocks still block).
/// </summary>
public sealed class ChallengeOptions
{
    public const string SectionName = "Protection:Challenge";

    /// <summary>
    /// False keeps the plain "slow down" page (429 with Retry-After) for browsers, without a puzzle
    /// or clearance. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// HMAC key (base64, at least 32 bytes) signing challenge tokens and clearance cookies. Give the
    /// same key to every replica. Default empty: a key is generated and shared through Redis when one
    /// is configured (<c>Protection:Features:Redis</c>), so every replica accepts every other's tokens;
    /// otherwise generated per process (clearances then end with a restart).
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// Leading zero bits of SHA-256(token + nonce) asked at the policy's challenge threshold; about
    /// 2^bits hashes on average. Default 14 (a few hundred milliseconds in a browser, see README).
    /// </summary>
    public int BaseDifficultyBits { get; set; } = 14;

    /// <summary>
    /// Bits asked as the risk approaches the block threshold; the difficulty rises linearly in
    /// between. Default 18 (16 times the work of the base).
    /// </summary>
    public int MaxDifficultyBits { get; set; } = 18;

    /// <summary>How long a challenge token may be solved and redeemed. Default 300 seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 300;

    /// <summary>How long a clearance cookie lets its client pass challenges. Default 3600 seconds.</summary>
    public int ClearanceLifetimeSeconds { get; set; } = 3600;

    /// <summary>
    /// The clearance is bound to the client's IPv4 network of this prefix length, so a client that
    /// moves within it (mobile carriers, NAT pools) keeps it. Default 24.
    /// </summary>
    public int ClearanceIpv4PrefixLength { get; set; } = 24;

    /// <summary>The same for IPv6 clients. Default 64 (one customer network).</summary>
    public int ClearanceIpv6PrefixLength { get; set; } = 64;

    /// <summary>Name of the clearance cookie. Default <c>gw_clearance</c>.</summary>
    public string CookieName { get; set; } = "gw_clearance";
}
