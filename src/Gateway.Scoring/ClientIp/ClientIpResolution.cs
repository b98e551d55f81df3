using System.Net;

namespace Gateway.Scoring.ClientIp;

/// <param name="Address">The client address; IPv4-mapped IPv6 is given as IPv4. 0.0.0.0 when the connection has no IP peer (Unix socket, in-memory server).</param>
/// <param name="FromForwardingHeader">True when the address was read from a forwarding header rather than the connection.</param>
/// <param name="RejectedMalformedHeader">
/// True when a trusted proxy sent a forwarding header that could not be read to the end (a malformed
/// hop, or more than MaxForwardedEntries hops); the address is then the last hop that could be read.
/// </param>
public readonly record struct ClientIpResolution(IPAddress Address, bool FromForwardingHeader, bool RejectedMalformedHeader);
