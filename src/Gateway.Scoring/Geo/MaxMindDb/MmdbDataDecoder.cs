using System.Buffers.Binary;
using System.Text;

namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>
/// Decodes values of a MaxMind DB data section (or of the metadata section, which uses the same
/// encoding) into plain .NET objects: <see cref="Dictionary{TKey,TValue}"/> of string to object
/// (in file order), <c>object[]</c>, <see cref="string"/>, <see cref="double"/>, <c>byte[]</c>,
/// <see cref="ushort"/>, <see cref="uint"/>, <see cref="int"/>, <see cref="ulong"/>,
/// <see cref="System.UInt128"/>, <see cref="bool"/> and <see cref="float"/>.
/// </summary>
/// <remarks>
/// Files are untrusted input. Every read is bounds-checked against the section, a pointer may not
/// point at another pointer (the spec forbids it), nesting is limited (a map that points back at
/// itself ends there), and each decode has a budget of values and bytes so that a small file
/// whose pointers fan out cannot make one record expand without limit. Any violation is a
/// <see cref="MmdbFormatException"/>. Decoding allocates; callers decode once at load.
/// </remarks>
internal sealed class MmdbDataDecoder
{
    /// <summary>Real records nest three or four levels; far beyond that is a loop or an attack.</summary>
    public const int MaxDepth = 64;

    public const int MaxValuesPerDecode = 1_000_000;
    public const long MaxPayloadBytesPerDecode = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer;
    private readonly int _start;
    private readonly int _length;
    private readonly string _filePath;
    private readonly string _sectionName;

    /// <param name="sectionName">Named in error messages: "data section" or "metadata".</param>
    public MmdbDataDecoder(byte[] buffer, int sectionStart, int sectionLength, string filePath, string sectionName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sectionStart);
        ArgumentOutOfRangeException.ThrowIfNegative(sectionLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sectionLength, buffer.Length - sectionStart);
        _buffer = buffer;
        _start = sectionStart;
        _length = sectionLength;
        _filePath = filePath;
        _sectionName = sectionName;
    }

    public int SectionLength => _length;

    /// <param name="offset">Offset of the value from the start of the section.</param>
    public object Decode(int offset)
    {
        if ((uint)offset >= (uint)_length)
        {
            throw Corrupt(offset, $"offset is outside the section ({_length} bytes)");
        }
        var budget = new DecodeBudget();
        var position = offset;
        return DecodeValue(ref position, depth: 0, ref budget);
    }

    private object DecodeValue(ref int position, int depth, ref DecodeBudget budget)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt(position, $"values nest deeper than {MaxDepth} levels (a pointer loop?)");
        }
        if (++budget.Values > MaxValuesPerDecode)
        {
            throw Corrupt(position, $"one record expands to more than {MaxValuesPerDecode} values");
        }
        var fieldStart = position;
        var control = Take(ref position, 1)[0];
        if ((MmdbDataType)(control >> 5) == MmdbDataType.Pointer)
        {
            return FollowPointer(fieldStart, ReadPointerTarget(ref position, control), depth, ref budget);
        }
        var (type, size) = ReadTypeAndSize(ref position, control, fieldStart);
        return type switch
        {
            MmdbDataType.Utf8String => DecodeString(ref position, size, ref budget),
            MmdbDataType.Double => BinaryPrimitives.ReadDoubleBigEndian(TakeFixed(ref position, size, 8, "double")),
            MmdbDataType.Float => BinaryPrimitives.ReadSingleBigEndian(TakeFixed(ref position, size, 4, "float")),
            MmdbDataType.Bytes => TakePayload(ref position, size, ref budget).ToArray(),
            MmdbDataType.UInt16 => (ushort)ReadUnsigned(ref position, size, 2, "uint16"),
            MmdbDataType.UInt32 => (uint)ReadUnsigned(ref position, size, 4, "uint32"),
            // Like libmaxminddb: fewer than four bytes are not sign-extended.
            MmdbDataType.Int32 => unchecked((int)(uint)ReadUnsigned(ref position, size, 4, "int32")),
            MmdbDataType.UInt64 => (ulong)ReadUnsigned(ref position, size, 8, "uint64"),
            MmdbDataType.UInt128 => ReadUnsigned(ref position, size, 16, "uint128"),
            MmdbDataType.Map => DecodeMap(ref position, size, depth, ref budget),
            MmdbDataType.Array => DecodeArray(ref position, size, depth, ref budget),
            MmdbDataType.Boolean => size <= 1
                ? size == 1
                : throw Corrupt(fieldStart, $"boolean with size {size} (must be 0 or 1)"),
            // The spec: nothing points at a cache container (pointers go into it), and the end
            // marker only closes a streamed section. Neither is a value.
            MmdbDataType.DataCacheContainer => throw Corrupt(fieldStart, "a data cache container where a value was expected"),
            MmdbDataType.EndMarker => throw Corrupt(fieldStart, "an end marker where a value was expected"),
            _ => throw Corrupt(fieldStart, $"unknown data type {(int)type}"),
        };
    }

    private object FollowPointer(int fieldStart, long target, int depth, ref DecodeBudget budget)
    {
        if (target >= _length)
        {
            throw Corrupt(fieldStart, $"pointer to offset {target}, outside the section ({_length} bytes)");
        }
        if ((MmdbDataType)(_buffer[_start + (int)target] >> 5) == MmdbDataType.Pointer)
        {
            throw Corrupt(fieldStart, $"pointer to offset {target}, which is another pointer (the spec forbids chains)");
        }
        var targetPosition = (int)target;
        return DecodeValue(ref targetPosition, depth + 1, ref budget);
    }

    private string DecodeString(ref int position, int size, ref DecodeBudget budget)
    {
        var fieldStart = position;
        var bytes = TakePayload(ref position, size, ref budget);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt(fieldStart, "string is not valid UTF-8");
        }
    }

    private Dictionary<string, object> DecodeMap(ref int position, int pairs, int depth, ref DecodeBudget budget)
    {
        // Each pair takes at least two bytes; checking first keeps a forged count from
        // allocating a huge dictionary.
        if ((long)pairs * 2 > _length - position)
        {
            throw Corrupt(position, $"map of {pairs} pairs cannot fit in the {_length - position} bytes left");
        }
        var map = new Dictionary<string, object>(pairs, StringComparer.Ordinal);
        for (var i = 0; i < pairs; i++)
        {
            var keyStart = position;
            if (DecodeValue(ref position, depth + 1, ref budget) is not string key)
            {
                throw Corrupt(keyStart, "map key is not a string");
            }
            var value = DecodeValue(ref position, depth + 1, ref budget);
            if (!map.TryAdd(key, value))
            {
                throw Corrupt(keyStart, $"map has the key \"{key}\" twice");
            }
        }
        return map;
    }

    private object[] DecodeArray(ref int position, int count, int depth, ref DecodeBudget budget)
    {
        if (count > _length - position)
        {
            throw Corrupt(position, $"array of {count} values cannot fit in the {_length - position} bytes left");
        }
        var items = new object[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = DecodeValue(ref position, depth + 1, ref budget);
        }
        return items;
    }

    private (MmdbDataType Type, int Size) ReadTypeAndSize(ref int position, byte control, int fieldStart)
    {
        var type = (MmdbDataType)(control >> 5);
        if (type == MmdbDataType.Extended)
        {
            var extended = 7 + Take(ref position, 1)[0];
            if (extended < (int)MmdbDataType.Int32 || extended > (int)MmdbDataType.Float)
            {
                throw Corrupt(fieldStart, $"invalid extended type {extended}");
            }
            type = (MmdbDataType)extended;
        }
        var size = control & 0x1F;
        size = size switch
        {
            < 29 => size,
            29 => 29 + Take(ref position, 1)[0],
            30 => 285 + BinaryPrimitives.ReadUInt16BigEndian(Take(ref position, 2)),
            _ => 65_821 + ReadUInt24(Take(ref position, 3)),
        };
        return (type, size);
    }

    private long ReadPointerTarget(ref int position, byte control)
    {
        var high = control & 0x07;
        return ((control >> 3) & 0x03) switch
        {
            0 => (high << 8) | Take(ref position, 1)[0],
            1 => ((high << 16) | BinaryPrimitives.ReadUInt16BigEndian(Take(ref position, 2))) + 2_048,
            2 => ((high << 24) | ReadUInt24(Take(ref position, 3))) + 526_336,
            _ => BinaryPrimitives.ReadUInt32BigEndian(Take(ref position, 4)),
        };
    }

    private UInt128 ReadUnsigned(ref int position, int size, int maxBytes, string typeName)
    {
        if (size > maxBytes)
        {
            throw Corrupt(position, $"{typeName} with {size} bytes (at most {maxBytes})");
        }
        var value = UInt128.Zero;
        foreach (var b in Take(ref position, size))
        {
            value = (value << 8) | b;
        }
        return value;
    }

    private ReadOnlySpan<byte> TakeFixed(ref int position, int size, int expected, string typeName) =>
        size == expected
            ? Take(ref position, size)
            : throw Corrupt(position, $"{typeName} with {size} bytes (must be {expected})");

    private ReadOnlySpan<byte> TakePayload(ref int position, int size, ref DecodeBudget budget)
    {
        budget.PayloadBytes += size;
        if (budget.PayloadBytes > MaxPayloadBytesPerDecode)
        {
            throw Corrupt(position, $"one record expands to more than {MaxPayloadBytesPerDecode} bytes of strings");
        }
        return Take(ref position, size);
    }

    private ReadOnlySpan<byte> Take(ref int position, int count)
    {
        if (count > _length - position)
        {
            throw Corrupt(position, $"value needs {count} bytes but the section ends {_length - position} bytes later");
        }
        var span = new ReadOnlySpan<byte>(_buffer, _start + position, count);
        position += count;
        return span;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];

    private MmdbFormatException Corrupt(int offset, string problem) =>
        new(_filePath, $"{_sectionName} offset {offset}: {problem}");

    private struct DecodeBudget
    {
        public int Values;
        public long PayloadBytes;
    }
}
