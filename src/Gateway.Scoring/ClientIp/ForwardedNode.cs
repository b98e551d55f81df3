using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.ClientIp;

/// <summary>
/// Parses one hop: an X-Forwarded-For entry or the value of an RFC 7239 <c>for=</c> parameter.
/// Accepts <c>192.0.2.1</c>, <c>192.0.2.1:8080</c>, <c>2001:db8::1</c>, <c>[2001:db8::1]</c>,
/// <c>[2001:db8::1]:443</c>, and RFC 7239 obfuscated forms. Lenient about brackets, strict about the
/// address itself (see <see cref="IpAddressParser"/>: no zone ids, no inet_aton forms).
/// </summary>
internal static class ForwardedNode
{
    /// <summary>A bracketed full IPv6 address with a port, with room to spare; longer is never valid.</summary>
    public const int MaxLength = 64;

    public static HopParse Parse(ReadOnlySpan<char> node, out UInt128 key)
    {
        key = default;
        if (node.IsEmpty || node.Length > MaxLength)
        {
            return HopParse.Malformed;
        }
        ReadOnlySpan<char> host;
        ReadOnlySpan<char> port;
        if (node[0] == '[')
        {
            var close = node.IndexOf(']');
            if (close < 0)
            {
                return HopParse.Malformed;
            }
            host = node[1..close];
            port = node[(close + 1)..];
            if (!port.IsEmpty && (port[0] != ':' || !IsPort(port[1..])))
            {
                return HopParse.Malformed;
            }
            // Brackets are for IPv6 only.
            return IpAddressParser.TryParse(host, out key, out var bracketedIPv4) && !bracketedIPv4
                ? HopParse.Address
                : HopParse.Malformed;
        }
        var colon = node.IndexOf(':');
        if (colon >= 0 && node.LastIndexOf(':') == colon)
        {
            host = node[..colon];
            port = node[(colon + 1)..];
            if (!IsPort(port))
            {
                return HopParse.Malformed;
            }
        }
        else
        {
            // No colon, or several: a bare IPv6 address, which cannot carry a port.
            host = node;
        }
        if (host.IsEmpty)
        {
            return HopParse.Malformed;
        }
        if (host.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return HopParse.Obfuscated;
        }
        if (host[0] == '_')
        {
            return IsObfuscated(host) ? HopParse.Obfuscated : HopParse.Malformed;
        }
        return IpAddressParser.TryParse(host, out key, out _) ? HopParse.Address : HopParse.Malformed;
    }

    private static bool IsPort(ReadOnlySpan<char> port)
    {
        if (port.IsEmpty)
        {
            return false;
        }
        if (port[0] == '_')
        {
            return IsObfuscated(port);
        }
        if (port.Length > 5)
        {
            return false;
        }
        var value = 0;
        foreach (var c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65535;
    }

    /// <summary>RFC 7239 obfnode / obfport: "_" 1*( ALPHA / DIGIT / "." / "_" / "-").</summary>
    private static bool IsObfuscated(ReadOnlySpan<char> text)
    {
        if (text.Length < 2)
        {
            return false;
        }
        foreach (var c in text[1..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
