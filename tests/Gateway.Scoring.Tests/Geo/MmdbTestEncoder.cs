using System.Buffers.Binary;
using System.Text;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// Writes MaxMind DB data-section values, for test databases that hold what the real ones do
/// not: every type, every pointer size, deliberate corruption.
/// </summary>
internal static class MmdbTestEncoder
{
    public static byte[] Control(int type, int size)
    {
        var head = new List<byte>();
        var sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65_821 ? 30 : 31;
        head.Add((byte)(((type <= 7 ? type : 0) << 5) | sizeBits));
        if (type > 7)
        {
            head.Add((byte)(type - 7));
        }
        switch (sizeBits)
        {
            case 29:
                head.Add((byte)(size - 29));
                break;
            case 30:
                head.Add((byte)((size - 285) >> 8));
                head.Add((byte)(size - 285));
                break;
            case 31:
                head.Add((byte)((size - 65_821) >> 16));
                head.Add((byte)((size - 65_821) >> 8));
                head.Add((byte)(size - 65_821));
                break;
        }
        return [.. head];
    }

    public static byte[] String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [.. Control(2, bytes.Length), .. bytes];
    }

    public static byte[] Bytes(byte[] value) => [.. Control(4, value.Length), .. value];

    public static byte[] Double(double value)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(payload, value);
        return [.. Control(3, 8), .. payload];
    }

    public static byte[] Float(float value)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(payload, value);
        return [.. Control(15, 4), .. payload];
    }

    public static byte[] UInt16(ushort value) => Unsigned(5, value);

    public static byte[] UInt32(uint value) => Unsigned(6, value);

    public static byte[] UInt64(ulong value) => Unsigned(9, value);

    public static byte[] UInt128(UInt128 value) => Unsigned(10, value);

    /// <summary>Always four bytes, so that negative numbers keep their sign.</summary>
    public static byte[] Int32(int value)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, value);
        return [.. Control(8, 4), .. payload];
    }

    public static byte[] Boolean(bool value) => Control(14, value ? 1 : 0);

    public static byte[] Map(params (string Key, byte[] Value)[] pairs) =>
        [.. Control(7, pairs.Length), .. pairs.SelectMany(p => String(p.Key).Concat(p.Value))];

    /// <summary>A map whose keys are already encoded (e.g. pointers to a string).</summary>
    public static byte[] RawMap(params (byte[] Key, byte[] Value)[] pairs) =>
        [.. Control(7, pairs.Length), .. pairs.SelectMany(p => p.Key.Concat(p.Value))];

    public static byte[] Array(params byte[][] items) => [.. Control(11, items.Length), .. items.SelectMany(i => i)];

    /// <param name="sizeClass">0..3 as in the spec; the target must be representable in it.</param>
    public static byte[] Pointer(long target, int sizeClass)
    {
        switch (sizeClass)
        {
            case 0:
                Assert.InRange(target, 0, 2_047);
                return [(byte)(0x20 | (int)(target >> 8)), (byte)target];
            case 1:
                Assert.InRange(target, 2_048, 526_335);
                var v1 = target - 2_048;
                return [(byte)(0x28 | (int)(v1 >> 16)), (byte)(v1 >> 8), (byte)v1];
            case 2:
                Assert.InRange(target, 526_336, 134_744_063);
                var v2 = target - 526_336;
                return [(byte)(0x30 | (int)(v2 >> 24)), (byte)(v2 >> 16), (byte)(v2 >> 8), (byte)v2];
            default:
                return [0x38, (byte)(target >> 24), (byte)(target >> 16), (byte)(target >> 8), (byte)target];
        }
    }

    private static byte[] Unsigned(int type, UInt128 value)
    {
        var payload = new List<byte>();
        for (var v = value; v != 0; v >>= 8)
        {
            payload.Insert(0, (byte)v);
        }
        return [.. Control(type, payload.Count), .. payload];
    }
}
