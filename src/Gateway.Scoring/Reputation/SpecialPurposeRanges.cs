namespace Gateway.Scoring.Reputation;

/// <summary>
/// Addresses that are never a legitimate public client, from the IANA IPv4 and IPv6
/// Special-Purpose Address Registries (entries not globally reachable) plus multicast.
/// Exempted by default because public blocklists (firehol_level1's fullbogons) list them,
/// and a gateway sees them as peers behind load balancers, in containers and in tests.
/// </summary>
internal static class SpecialPurposeRanges
{
    public static IReadOnlyList<string> Cidrs { get; } =
    [
        "0.0.0.0/8",          // "this network", includes the unspecified address
        "10.0.0.0/8",         // private (RFC 1918)
        "100.64.0.0/10",      // shared address space, carrier-grade NAT (RFC 6598)
        "127.0.0.0/8",        // loopback
        "169.254.0.0/16",     // link-local
        "172.16.0.0/12",      // private (RFC 1918)
        "192.0.0.0/24",       // IETF protocol assignments
        "192.0.2.0/24",       // documentation TEST-NET-1
        "192.88.99.0/24",     // deprecated 6to4 relay anycast
        "192.168.0.0/16",     // private (RFC 1918)
        "198.18.0.0/15",      // benchmarking
        "198.51.100.0/24",    // documentation TEST-NET-2
        "203.0.113.0/24",     // documentation TEST-NET-3
        "224.0.0.0/4",        // multicast
        "240.0.0.0/4",        // reserved, includes limited broadcast 255.255.255.255
        "::/128",             // unspecified
        "::1/128",            // loopback
        "64:ff9b:1::/48",     // local-use IPv4/IPv6 translation
        "100::/64",           // discard-only
        "2001:2::/48",        // benchmarking
        "2001:db8::/32",      // documentation
        "3fff::/20",          // documentation (RFC 9637)
        "5f00::/16",          // segment routing SIDs
        "fc00::/7",           // unique local
        "fe80::/10",          // link-local
        "fec0::/10",          // deprecated site-local
        "ff00::/8",           // multicast
    ];
}
