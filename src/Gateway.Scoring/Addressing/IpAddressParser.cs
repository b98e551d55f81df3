namespace Gateway.Scoring.Addressing;

/// <summary>
/// Strict, allocation-free parser from text to the 128-bit key of <see cref="IpAddressBits"/>.
/// Accepts dotted-quad IPv4 and RFC 4291 IPv6 text only. It deliberately rejects what
/// <see cref="System.Net.IPAddress.TryParse(string, out System.Net.IPAddress)"/> also accepts:
/// inet_aton forms (<c>127.1</c>, <c>0x7f.0.0.1</c>), IPv4 octets with leading zeros (octal in
/// some parsers, so ambiguous), zone ids (<c>%eth0</c>), brackets and ports. Input comes from
/// request headers and third-party files, where such forms are mistakes or evasion attempts.
/// </summary>
internal static class IpAddressParser
{
    /// <summary>Longest valid text: <c>ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255</c>.</summary>
    public const int MaxLength = 45;

    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    /// <param name="isIPv4">True for dotted-quad text (the key is then IPv4-mapped).</param>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 key, out bool isIPv4)
    {
        key = default;
        isIPv4 = false;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }
        if (text.Contains(':'))
        {
            return TryParseIPv6(text, out key);
        }
        if (!TryParseIPv4(text, out var v4))
        {
            return false;
        }
        key = MappedPrefix | v4;
        isIPv4 = true;
        return true;
    }

    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var i = 0;
        for (var octets = 0; octets < 4; octets++)
        {
            if (octets > 0)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }
                i++;
            }
            var start = i;
            uint octet = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = octet * 10 + (uint)(text[i] - '0');
                i++;
            }
            var digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0'))
            {
                return false;
            }
            value = (value << 8) | octet;
        }
        return i == text.Length;
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> text, out UInt128 key)
    {
        key = default;
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gapAt = -1;
        var i = 0;
        if (text.StartsWith("::"))
        {
            gapAt = 0;
            i = 2;
        }
        while (i < text.Length)
        {
            var start = i;
            var group = 0;
            while (i < text.Length && i - start < 4 && char.IsAsciiHexDigit(text[i]))
            {
                group = (group << 4) | HexValue(text[i]);
                i++;
            }
            if (i < text.Length && text[i] == '.')
            {
                // Embedded IPv4 (::ffff:192.0.2.1): only as the last 32 bits, so it must run to the end.
                if (count > 6 || !TryParseIPv4(text[start..], out var v4))
                {
                    return false;
                }
                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                i = text.Length;
                break;
            }
            if (i == start || count == 8)
            {
                return false;
            }
            groups[count++] = (ushort)group;
            if (i == text.Length)
            {
                break;
            }
            if (text[i] != ':' || i + 1 == text.Length)
            {
                return false;
            }
            i++;
            if (text[i] == ':')
            {
                if (gapAt >= 0)
                {
                    return false;
                }
                gapAt = count;
                i++;
            }
        }
        if (gapAt < 0 ? count != 8 : count > 7)
        {
            return false;
        }
        var zeros = 8 - count;
        for (var g = 0; g < count; g++)
        {
            if (g == gapAt)
            {
                key <<= 16 * zeros;
            }
            key = (key << 16) | groups[g];
        }
        if (gapAt == count)
        {
            key <<= 16 * zeros;
        }
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
