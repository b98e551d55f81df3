namespace Gateway.LoadTests.Traffic;

/// <summary>SplitMix64's finaliser: spreads consecutive sequence numbers over the whole 64-bit range,
/// so that choices derived from them look random but repeat exactly for the same seed.</summary>
internal static class DeterministicHash
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A value in [0, <paramref name="count"/>) for the sequence number and a per-use salt.</summary>
    public static int Pick(long sequence, ulong salt, int count) =>
        (int)(Mix((ulong)sequence ^ Mix(salt)) % (ulong)count);
}
