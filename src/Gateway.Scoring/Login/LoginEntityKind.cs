namespace Gateway.Scoring.Login;

/// <summary>What a login counter is kept for.</summary>
public enum LoginEntityKind : byte
{
    /// <summary>One client address.</summary>
    Ip,

    /// <summary>The client's /24 (IPv4) or /64 (IPv6).</summary>
    Subnet,

    /// <summary>The client's autonomous system.</summary>
    Asn,

    /// <summary>All hosting networks and anonymizers together: stuffing that rotates over providers.</summary>
    Infrastructure,

    /// <summary>A username, as a keyed hash.</summary>
    Username,
}
