namespace Gateway.Scoring.Content;

/// <summary>
/// Tells whether the host of a URL sent as a parameter value points inside the network: loopback,
/// private and carrier-grade ranges, link-local (cloud metadata) and names that only resolve inside.
/// </summary>
/// <remarks>
/// Addresses are parsed the way <c>inet_aton</c> and URL libraries accept them, because attackers use
/// exactly that latitude: <c>2130706433</c>, <c>0x7f000001</c>, <c>0177.0.0.1</c> and <c>127.1</c> are
/// all 127.0.0.1. Input is decoded, lowercased request text; nothing is resolved.
/// </remarks>
internal static class InternalHost
{
    /// <param name="authority">What follows <c>://</c>, up to the path: <c>[user@]host[:port]</c>.</param>
    public static bool IsInternal(ReadOnlySpan<char> authority)
    {
        if (authority[(authority.LastIndexOf('@') + 1)..].StartsWith('['))
        {
            // IPv6 literals: loopback, unique-local and v4-mapped forms in attacks; public ones are
            // practically absent from ordinary parameters.
            return true;
        }
        var host = Host(authority);
        if (host.IsEmpty)
        {
            return false;
        }
        return TryParseIPv4(host, out var address) ? IsInternalAddress(address) : IsInternalName(host);
    }

    /// <summary>
    /// An IPv4 host written other than as four plain decimal parts (<c>0xd83ad6ce</c>, <c>3627734734</c>,
    /// <c>0330.072.0326.0316</c>, <c>127.1</c>): every browser and URL library accepts these, people never
    /// write them, and filters that compare hosts as text miss them.
    /// </summary>
    public static bool IsObfuscatedAddress(ReadOnlySpan<char> authority)
    {
        var host = Host(authority);
        if (host.IsEmpty || !char.IsAsciiDigit(host[0]) || !TryParseIPv4(host, out _))
        {
            return false;
        }
        if (host.Count('.') != 3)
        {
            return true;
        }
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (part.Length > 1 && part[0] == '0')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The host of <c>[user@]host[:port]</c>, without a trailing dot; empty for an IPv6 literal.</summary>
    private static ReadOnlySpan<char> Host(ReadOnlySpan<char> authority)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }
        if (authority.IsEmpty || authority[0] == '[')
        {
            return default;
        }
        var colon = authority.IndexOf(':');
        return (colon >= 0 ? authority[..colon] : authority).TrimEnd('.');
    }

    public static bool IsInternalAddress(uint address) =>
        (address >> 24) is 0 or 10 or 127
        || (address & 0xFFF0_0000) == 0xAC10_0000 // 172.16.0.0/12
        || (address & 0xFFFF_0000) == 0xC0A8_0000 // 192.168.0.0/16
        || (address & 0xFFFF_0000) == 0xA9FE_0000 // 169.254.0.0/16, cloud metadata
        || (address & 0xFFC0_0000) == 0x6440_0000; // 100.64.0.0/10, also Alibaba's metadata address

    /// <remarks>
    /// A single-label name (<c>redis</c>, <c>consul</c>, <c>intranet</c>) resolves only through an internal
    /// search domain: every public host has a dot.
    /// </remarks>
    private static bool IsInternalName(ReadOnlySpan<char> host) =>
        IsSingleLabel(host)
        || host is "localtest.me"
        || host.EndsWith(".localhost", StringComparison.Ordinal)
        || host.EndsWith(".internal", StringComparison.Ordinal)
        || host.EndsWith(".local", StringComparison.Ordinal)
        || host.EndsWith(".localdomain", StringComparison.Ordinal)
        || host.EndsWith(".svc", StringComparison.Ordinal)
        || host.Contains(".svc.", StringComparison.Ordinal)
        || host.StartsWith("kubernetes.", StringComparison.Ordinal)
        || host.EndsWith(".localtest.me", StringComparison.Ordinal);

    private static bool IsSingleLabel(ReadOnlySpan<char> host) =>
        host.Length >= 2 && char.IsAsciiLetterLower(host[0])
        && !host.ContainsAnyExcept(SingleLabelChars);

    private static readonly System.Buffers.SearchValues<char> SingleLabelChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>One to four parts, each decimal, <c>0x</c> hex or leading-zero octal (inet_aton rules).</summary>
    public static bool TryParseIPv4(ReadOnlySpan<char> host, out uint address)
    {
        address = 0;
        Span<ulong> parts = stackalloc ulong[4];
        var count = 0;
        while (true)
        {
            var dot = host.IndexOf('.');
            var part = dot < 0 ? host : host[..dot];
            if (count == 4 || !TryParsePart(part, out parts[count]))
            {
                return false;
            }
            count++;
            if (dot < 0)
            {
                break;
            }
            host = host[(dot + 1)..];
        }
        for (var i = 0; i < count - 1; i++)
        {
            if (parts[i] > 0xFF)
            {
                return false;
            }
            address |= (uint)parts[i] << (24 - 8 * i);
        }
        var lastBits = 32 - 8 * (count - 1);
        if (parts[count - 1] >> lastBits != 0)
        {
            return false;
        }
        address |= (uint)parts[count - 1];
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty || part.Length > 12)
        {
            return false;
        }
        var radix = 10u;
        if (part.Length > 2 && part[0] == '0' && part[1] == 'x')
        {
            radix = 16;
            part = part[2..];
        }
        else if (part.Length > 1 && part[0] == '0')
        {
            radix = 8;
            part = part[1..];
        }
        foreach (var c in part)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => (uint)(c - '0'),
                >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
                _ => uint.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }
            value = value * radix + digit;
        }
        return true;
    }
}
