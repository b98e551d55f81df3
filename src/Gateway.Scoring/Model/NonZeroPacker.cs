using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Gateway.Scoring.Model;

/// <summary>
/// Writes a dense feature row's non-zero entries as (index, value) pairs, in index order. Rows are
/// about 93% zeros, so the scan compares a whole vector of features with zero at a time and only
/// visits the lanes that differ. NaN is not zero and is kept, so a NaN feature poisons the sparse
/// model's answer exactly as it would the dense one's (and the scorer then fails open).
/// </summary>
internal static class NonZeroPacker
{
    /// <returns>How many pairs were written.</returns>
    /// <exception cref="ArgumentException">The destinations are shorter than <paramref name="row"/>.</exception>
    public static int Pack(ReadOnlySpan<float> row, Span<int> index, Span<float> value)
    {
        if (index.Length < row.Length || value.Length < row.Length)
        {
            throw new ArgumentException("The destinations must hold a whole row.", nameof(index));
        }
        ref var source = ref MemoryMarshal.GetReference(row);
        ref var indexes = ref MemoryMarshal.GetReference(index);
        ref var values = ref MemoryMarshal.GetReference(value);
        var count = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var zero = Vector256.Equals(Vector256.LoadUnsafe(ref source, (nuint)i), Vector256<float>.Zero);
                var nonZero = ~zero.ExtractMostSignificantBits() & 0xFFu;
                count = Emit(nonZero, i, ref source, ref indexes, ref values, count);
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var zero = Vector128.Equals(Vector128.LoadUnsafe(ref source, (nuint)i), Vector128<float>.Zero);
                var nonZero = ~zero.ExtractMostSignificantBits() & 0xFu;
                count = Emit(nonZero, i, ref source, ref indexes, ref values, count);
            }
        }
        for (; i < row.Length; i++)
        {
            var feature = Unsafe.Add(ref source, i);
            if (feature != 0f)
            {
                Unsafe.Add(ref indexes, count) = i;
                Unsafe.Add(ref values, count) = feature;
                count++;
            }
        }
        return count;
    }

    /// <summary>Writes the lanes set in <paramref name="lanes"/> of the vector starting at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Emit(uint lanes, int start, ref float source, ref int indexes, ref float values, int count)
    {
        while (lanes != 0)
        {
            var at = start + BitOperations.TrailingZeroCount(lanes);
            Unsafe.Add(ref indexes, count) = at;
            Unsafe.Add(ref values, count) = Unsafe.Add(ref source, at);
            count++;
            lanes &= lanes - 1;
        }
        return count;
    }
}
