namespace Gateway.Scoring.Reputation;

/// <summary>What was read from one list file, for startup logs and readiness output.</summary>
/// <param name="Path">The resolved file path.</param>
/// <param name="Entries">Data lines (not blank, not comments).</param>
/// <param name="Listed">Entries taken into the list: all of them, less those below MinCount.</param>
/// <param name="BelowMinCount">Entries whose count was below the list's MinCount, skipped.</param>
/// <param name="HostBitsNormalised">CIDR entries with bits set past the prefix, taken as their network.</param>
/// <param name="TouchingExemptRanges">Listed entries that overlap an exempt range; the exempt part is never flagged.</param>
internal sealed record ReputationListStats(
    string Name,
    string Path,
    int Entries,
    int Listed,
    int BelowMinCount,
    int HostBitsNormalised,
    int TouchingExemptRanges);
