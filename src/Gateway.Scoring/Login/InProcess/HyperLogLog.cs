using System.Numerics;

namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// A small HyperLogLog (Flajolet et al. 2007) for the in-process login store: exact while it holds
/// few values (a sorted array of up to <see cref="SparseLimit"/> hashes, which is what almost every
/// IP and username needs), then 2^<see cref="Precision"/> one-byte registers with a relative
/// standard error of 1.04/√1024 ≈ 3.3%, and linear counting for small estimates. Callers add
/// 64-bit hashes that are already well mixed. Not thread-safe: the store locks around it.
/// </summary>
internal sealed class HyperLogLog
{
    public const int Precision = 10;
    public const int RegisterCount = 1 << Precision;
    public const int SparseLimit = 64;

    /// <summary>α_m for m = 1024.</summary>
    private const double Alpha = 0.7213 / (1 + (1.079 / RegisterCount));

    private ulong[]? _sparse = new ulong[4];
    private int _sparseCount;
    private byte[]? _registers;

    /// <summary>Relative standard error of the dense estimate.</summary>
    public static double StandardError => 1.04 / Math.Sqrt(RegisterCount);

    public bool IsExact => _registers is null;

    public void Add(ulong hash)
    {
        if (_registers is not null)
        {
            AddToRegisters(_registers, hash);
            return;
        }
        var sparse = _sparse!;
        var at = Array.BinarySearch(sparse, 0, _sparseCount, hash);
        if (at >= 0)
        {
            return;
        }
        if (_sparseCount == SparseLimit)
        {
            ToDense();
            AddToRegisters(_registers!, hash);
            return;
        }
        if (_sparseCount == sparse.Length)
        {
            Array.Resize(ref _sparse, sparse.Length * 2);
            sparse = _sparse;
        }
        at = ~at;
        Array.Copy(sparse, at, sparse, at + 1, _sparseCount - at);
        sparse[at] = hash;
        _sparseCount++;
    }

    public long Count() => _registers is null ? _sparseCount : Estimate(_registers);

    /// <summary>Distinct values of both sketches together (either may be null).</summary>
    public static long CountUnion(HyperLogLog? a, HyperLogLog? b)
    {
        if (a is null || b is null)
        {
            return (a ?? b)?.Count() ?? 0;
        }
        if (a._registers is null && b._registers is null)
        {
            return CountSparseUnion(a, b);
        }
        var merged = new byte[RegisterCount];
        a.MergeInto(merged);
        b.MergeInto(merged);
        return Estimate(merged);
    }

    private void MergeInto(byte[] target)
    {
        if (_registers is null)
        {
            for (var i = 0; i < _sparseCount; i++)
            {
                AddToRegisters(target, _sparse![i]);
            }
            return;
        }
        for (var i = 0; i < RegisterCount; i++)
        {
            target[i] = Math.Max(target[i], _registers[i]);
        }
    }

    private static long CountSparseUnion(HyperLogLog a, HyperLogLog b)
    {
        // Both arrays are sorted: count the merge without building it.
        int i = 0, j = 0;
        long count = 0;
        while (i < a._sparseCount && j < b._sparseCount)
        {
            var x = a._sparse![i];
            var y = b._sparse![j];
            if (x <= y)
            {
                i++;
            }
            if (y <= x)
            {
                j++;
            }
            count++;
        }
        return count + (a._sparseCount - i) + (b._sparseCount - j);
    }

    private void ToDense()
    {
        var registers = new byte[RegisterCount];
        for (var i = 0; i < _sparseCount; i++)
        {
            AddToRegisters(registers, _sparse![i]);
        }
        _registers = registers;
        _sparse = null;
        _sparseCount = 0;
    }

    private static void AddToRegisters(byte[] registers, ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        // The remaining bits with a sentinel, so that the rank is at most 64 - Precision + 1.
        var rest = (hash << Precision) | (1UL << (Precision - 1));
        var rank = (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
    }

    private static long Estimate(byte[] registers)
    {
        double sum = 0;
        var zeros = 0;
        foreach (var register in registers)
        {
            sum += Math.ScaleB(1.0, -register);
            if (register == 0)
            {
                zeros++;
            }
        }
        var estimate = Alpha * RegisterCount * RegisterCount / sum;
        if (estimate <= 2.5 * RegisterCount && zeros > 0)
        {
            // Linear counting: far more accurate while many registers are still empty.
            estimate = RegisterCount * Math.Log((double)RegisterCount / zeros);
        }
        return (long)Math.Round(estimate);
    }
}
