namespace Gateway.Scoring.Addressing;

/// <summary>Parses <c>address</c> or <c>address/prefix</c> (IPv4 or IPv6) into a key range, without allocating.</summary>
internal static class CidrParser
{
    /// <summary>Longest valid text: an IPv6 address of <see cref="IpAddressParser.MaxLength"/> plus <c>/128</c>.</summary>
    public const int MaxLength = IpAddressParser.MaxLength + 4;

    /// <remarks>
    /// A bare address is a /32 (IPv4) or /128 (IPv6). Whether <see cref="CidrParseResult.HostBitsSet"/>
    /// is acceptable is the caller's policy: third-party lists are normalised, operator config is not.
    /// </remarks>
    public static CidrParseResult TryParse(ReadOnlySpan<char> text, out IpRange range)
    {
        range = default;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IpAddressParser.TryParse(addressText, out var key, out var isIPv4))
        {
            return CidrParseResult.Invalid;
        }
        var maxPrefix = isIPv4 ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && !TryParsePrefix(text[(slash + 1)..], maxPrefix, out prefix))
        {
            return CidrParseResult.Invalid;
        }
        var bits = isIPv4 ? 96 + prefix : prefix;
        var hostMask = bits >= 128 ? UInt128.Zero : UInt128.MaxValue >> bits;
        range = new IpRange(key & ~hostMask, key | hostMask);
        return (key & hostMask) == 0 ? CidrParseResult.Valid : CidrParseResult.HostBitsSet;
    }

    private static bool TryParsePrefix(ReadOnlySpan<char> text, int maxPrefix, out int prefix)
    {
        prefix = 0;
        if (text.IsEmpty || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            prefix = prefix * 10 + (c - '0');
        }
        return prefix <= maxPrefix;
    }
}
