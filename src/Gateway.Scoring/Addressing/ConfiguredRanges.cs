using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Addressing;

/// <summary>Addresses and networks written by an operator (trusted proxies, exemptions).</summary>
internal static class ConfiguredRanges
{
    /// <summary>
    /// Parses every value, reporting each bad one under <c>{keyPrefix}:{index}</c>. Networks must be
    /// exact: <c>10.1.2.3/8</c> is more likely a typo than a wish for 10.0.0.0/8, so it is an error.
    /// </summary>
    /// <returns>The valid values; the caller decides whether to go on after errors.</returns>
    public static List<IpRange> Parse(IReadOnlyList<string?> values, string keyPrefix, ConfigurationErrors errors)
    {
        var ranges = new List<IpRange>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? "";
            switch (CidrParser.TryParse(value.AsSpan().Trim(), out var range))
            {
                case CidrParseResult.Valid:
                    ranges.Add(range);
                    break;
                case CidrParseResult.HostBitsSet:
                    errors.Add($"{keyPrefix}:{i}", $"'{SafeText.Sanitise(value)}' has bits set past its prefix length; write the network address.");
                    break;
                default:
                    errors.Add($"{keyPrefix}:{i}", $"'{SafeText.Sanitise(value)}' is not an IPv4/IPv6 address or CIDR network.");
                    break;
            }
        }
        return ranges;
    }
}
