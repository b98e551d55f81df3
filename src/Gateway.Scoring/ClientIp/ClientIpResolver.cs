using System.Buffers.Binary;
using System.Net;
using Gateway.Scoring.Addressing;
using Gateway.Scoring.Configuration;
using Microsoft.Extensions.Primitives;

namespace Gateway.Scoring.ClientIp;

/// <summary>
/// Finds the client address from the connection peer and the forwarding headers. Built once;
/// immutable and thread-safe. Never throws, reads at most MaxForwardedEntries hops, and allocates
/// nothing but the returned <see cref="IPAddress"/> when that comes from a header.
/// </summary>
/// <remarks>
/// Only a trusted peer's headers are read. Walking the hops right to left (nearest proxy first),
/// each trusted proxy passes the question on; the first untrusted hop is the client, since
/// everything to its left was written by the client itself and may be forged.
/// </remarks>
internal sealed class ClientIpResolver
{
    private const int MaxEntriesLimit = 64;
    private static readonly IpRange[] Loopback = [Parse("127.0.0.0/8"), Parse("::1/128")];

    private readonly IpRangeSet _trusted;
    private readonly ForwardingHeaders _headers;
    private readonly int _maxEntries;

    private ClientIpResolver(IpRangeSet trusted, ForwardingHeaders headers, int maxEntries)
    {
        _trusted = trusted;
        _headers = headers;
        _maxEntries = maxEntries;
    }

    /// <summary>
    /// Validates <paramref name="options"/>, reporting each problem under <paramref name="section"/>
    /// (e.g. <c>Protection:ClientIp:TrustedProxies:2</c>). With errors the resolver is still usable:
    /// it trusts no proxy and reads no header (the caller is expected to stop on errors anyway).
    /// </summary>
    public static ClientIpResolver Create(ClientIpOptions options, ConfigurationErrors errors, string section = "Protection:ClientIp")
    {
        var before = errors.Errors.Count;
        var trusted = ConfiguredRanges.Parse(options.TrustedProxies ?? [], $"{section}:TrustedProxies", errors);
        if ((options.Headers & ~(ForwardingHeaders.XForwardedFor | ForwardingHeaders.Forwarded)) != 0)
        {
            errors.Add($"{section}:Headers", $"unknown value {(int)options.Headers}; use XForwardedFor, Forwarded, both (\"XForwardedFor, Forwarded\") or None.");
        }
        if (options.MaxForwardedEntries is < 1 or > MaxEntriesLimit)
        {
            errors.Add($"{section}:MaxForwardedEntries", $"must be within [1, {MaxEntriesLimit}]; got {options.MaxForwardedEntries}.");
        }
        if (errors.Errors.Count != before)
        {
            return new ClientIpResolver(IpRangeSet.Empty, ForwardingHeaders.None, 1);
        }
        if (options.TrustLoopback)
        {
            trusted.AddRange(Loopback);
        }
        return new ClientIpResolver(IpRangeSet.Create(trusted), options.Headers, options.MaxForwardedEntries);
    }

    /// <param name="peer">The connection's remote address; null when it has none (Unix socket, in-memory server).</param>
    /// <param name="xForwardedFor">All X-Forwarded-For header lines, in the order received.</param>
    /// <param name="forwarded">All Forwarded header lines, in the order received.</param>
    public ClientIpResolution Resolve(IPAddress? peer, StringValues xForwardedFor, StringValues forwarded)
    {
        if (peer is null)
        {
            return new ClientIpResolution(IPAddress.Any, false, false);
        }
        var peerKey = IpAddressBits.ToKey(peer);
        if (!_trusted.Contains(peerKey))
        {
            return FromPeer(peer, rejected: false);
        }
        if ((_headers & ForwardingHeaders.XForwardedFor) != 0 && !StringValues.IsNullOrEmpty(xForwardedFor))
        {
            return WalkHops(peer, xForwardedFor, isForwarded: false);
        }
        if ((_headers & ForwardingHeaders.Forwarded) != 0 && !StringValues.IsNullOrEmpty(forwarded))
        {
            return WalkHops(peer, forwarded, isForwarded: true);
        }
        return FromPeer(peer, rejected: false);
    }

    private ClientIpResolution WalkHops(IPAddress peer, StringValues lines, bool isForwarded)
    {
        Span<Range> tail = stackalloc Range[_maxEntries];
        var budget = _maxEntries;
        var lastGood = UInt128.Zero;
        var haveHop = false;
        for (var lineIndex = lines.Count - 1; lineIndex >= 0; lineIndex--)
        {
            var line = (lines[lineIndex] ?? "").AsSpan();
            // Once the budget is spent the ring is empty, and any hop left over ends the walk below.
            var ring = tail[..budget];
            var total = HeaderListTail.Split(line, ring, isForwarded);
            var kept = Math.Min(total, budget);
            for (var k = 0; k < kept; k++)
            {
                var element = line[ring[(total - 1 - k) % ring.Length]];
                var parse = isForwarded ? ForwardedElement.Parse(element, out var key) : ForwardedNode.Parse(element, out key);
                if (parse != HopParse.Address)
                {
                    return LastGood(peer, haveHop, lastGood, rejected: parse == HopParse.Malformed);
                }
                if (!_trusted.Contains(key))
                {
                    return new ClientIpResolution(ToAddress(key), true, false);
                }
                lastGood = key;
                haveHop = true;
            }
            budget -= kept;
            if (total > kept)
            {
                // More trusted hops than we are willing to read: a misconfiguration or an attack.
                return LastGood(peer, haveHop, lastGood, rejected: true);
            }
        }
        // Every hop was a trusted proxy: the leftmost is as far as the chain goes.
        return LastGood(peer, haveHop, lastGood, rejected: false);
    }

    private static ClientIpResolution LastGood(IPAddress peer, bool haveHop, UInt128 lastGood, bool rejected) =>
        haveHop ? new ClientIpResolution(ToAddress(lastGood), true, rejected) : FromPeer(peer, rejected);

    private static ClientIpResolution FromPeer(IPAddress peer, bool rejected) =>
        new(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer, false, rejected);

    private static IPAddress ToAddress(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        return IpAddressBits.IsIPv4Mapped(key) ? new IPAddress(bytes[12..]) : new IPAddress(bytes);
    }

    private static IpRange Parse(string cidr)
    {
        CidrParser.TryParse(cidr, out var range);
        return range;
    }
}
