namespace Gateway.Scoring.Reputation;

/// <summary>
/// Sorted, disjoint key intervals, each with the mask of the lists naming it. Three parallel
/// arrays so that the binary search touches only the dense array of starts.
/// </summary>
internal sealed class ReputationIntervals(UInt128[] starts, UInt128[] ends, ulong[] masks)
{
    public static ReputationIntervals Empty { get; } = new([], [], []);

    public int Count => starts.Length;

    /// <returns>The mask of the lists naming <paramref name="key"/>; 0 when none.</returns>
    public ulong Find(UInt128 key)
    {
        int low = 0, high = starts.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            if (starts[mid] <= key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high >= 0 && key <= ends[high] ? masks[high] : 0;
    }

    /// <summary>For tests and diagnostics.</summary>
    public (UInt128 Start, UInt128 End, ulong Mask) this[int index] => (starts[index], ends[index], masks[index]);
}
