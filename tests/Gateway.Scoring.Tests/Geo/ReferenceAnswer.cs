namespace Gateway.Scoring.Tests.Geo;

/// <param name="ExitCode">0 found, 6 not found, anything else an error (e.g. IPv6 in an IPv4-only database).</param>
/// <param name="PrefixLength">"Record prefix length" of the verbose output; -1 when not printed.</param>
/// <param name="Record">The record as canonical text (see <see cref="MmdbDump"/>); null when not found.</param>
internal sealed record ReferenceAnswer(int ExitCode, int PrefixLength, string? Record, MmdbDump.Node? Tree)
{
    public const int Found = 0;
    public const int NotFound = 6;

    public static ReferenceAnswer Parse(int exitCode, List<string> lines)
    {
        const string PrefixLabel = "Record prefix length:";
        var prefixLine = lines.FindIndex(l => l.TrimStart().StartsWith(PrefixLabel, StringComparison.Ordinal));
        var prefix = prefixLine < 0 ? -1 : int.Parse(lines[prefixLine].Trim()[PrefixLabel.Length..]);
        if (exitCode != Found)
        {
            return new ReferenceAnswer(exitCode, prefix, null, null);
        }
        var tree = MmdbDump.Parse(lines.Skip(prefixLine + 1));
        return new ReferenceAnswer(exitCode, prefix, tree.ToCanonical(), tree);
    }
}
