namespace Gateway.Scoring.Features;

/// <summary>
/// Stable 64-bit hash of a request path: the same on every replica and run (unlike
/// <see cref="string.GetHashCode()"/>), so replicas feed the same values into a shared HyperLogLog,
/// and the in-process store keeps 8 bytes per path instead of the path.
/// </summary>
/// <remarks>
/// FNV-1a over the UTF-16 code units, then the MurmurHash3 finaliser so that every output bit
/// depends on every input bit. It is not collision-resistant against a chosen-input attacker; the
/// worst such an attacker can do is make two of its own paths count as one.
/// </remarks>
internal static class PathHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ReadOnlySpan<char> path)
    {
        var hash = OffsetBasis;
        foreach (var c in path)
        {
            hash = (hash ^ c) * Prime;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
