using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Reputation;

/// <summary>One parsed line of a list file.</summary>
/// <param name="Count">The IPsum count; -1 when the line has none.</param>
/// <param name="Error">Why the line is malformed; a constant, so parsing allocates nothing.</param>
internal readonly record struct ListLine(ListLineKind Kind, IpRange Range, bool HostBitsSet, int Count, string? Error)
{
    public static ListLine Blank => new(ListLineKind.Blank, default, false, -1, null);

    public static ListLine Malformed(string error) => new(ListLineKind.Malformed, default, false, -1, error);
}
