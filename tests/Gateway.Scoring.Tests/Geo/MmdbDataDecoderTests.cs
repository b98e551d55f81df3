using Gateway.Scoring.Geo.MaxMindDb;
using static Gateway.Scoring.Tests.Geo.MmdbTestEncoder;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>Hostile and corrupt data sections: every one is a clear format error, never a crash.</summary>
public sealed class MmdbDataDecoderTests
{
    public static TheoryData<string, byte[], string> CorruptValues() => new()
    {
        { "pointer to a pointer", [0x20, 0x02, 0x20, 0x00], "which is another pointer" },
        { "pointer past the end", [0x20, 0x10], "outside the section" },
        { "4-byte pointer past the end", [0x38, 0xFF, 0xFF, 0xFF, 0xFF], "pointer to offset 4294967295, outside the section" },
        { "extended type 7", [0x00, 0x00], "invalid extended type 7" },
        { "extended type 16", [0x00, 0x09], "invalid extended type 16" },
        { "uint16 of 3 bytes", [0xA3, 1, 2, 3], "uint16 with 3 bytes" },
        { "uint32 of 5 bytes", [0xC5, 1, 2, 3, 4, 5], "uint32 with 5 bytes" },
        { "int32 of 5 bytes", [.. Control(8, 5), 1, 2, 3, 4, 5], "int32 with 5 bytes" },
        { "uint64 of 9 bytes", [.. Control(9, 9), .. new byte[9]], "uint64 with 9 bytes" },
        { "uint128 of 17 bytes", [.. Control(10, 17), .. new byte[17]], "uint128 with 17 bytes" },
        { "double of 7 bytes", [0x67, 1, 2, 3, 4, 5, 6, 7], "double with 7 bytes" },
        { "float of 3 bytes", [.. Control(15, 3), 1, 2, 3], "float with 3 bytes" },
        { "boolean of size 2", Control(14, 2), "boolean with size 2" },
        { "string past the end", [0x45, (byte)'a', (byte)'b'], "the section ends" },
        { "size byte missing", [0x5D], "the section ends" },
        { "extended type byte missing", [0x00], "the section ends" },
        { "invalid UTF-8", [0x42, 0xC3, 0x28], "not valid UTF-8" },
        { "map key that is a number", RawMap((UInt32(1), String("x"))), "map key is not a string" },
        { "duplicate map key", Map(("a", UInt32(1)), ("a", UInt32(2))), "has the key \"a\" twice" },
        { "map count beyond the data", [.. Control(7, 1_000_000), 0x40, 0x40], "map of 1000000 pairs cannot fit" },
        { "array count beyond the data", [.. Control(11, 16_000_000), 0x40], "array of 16000000 values cannot fit" },
        { "data cache container", Control(12, 0), "data cache container where a value was expected" },
        { "end marker", Control(13, 0), "end marker where a value was expected" },
        { "map that points at itself", [0xE1, 0x41, (byte)'a', 0x20, 0x00], "nest deeper than 64 levels" },
        { "arrays nested 100 deep", [.. Enumerable.Repeat(Control(11, 1), 100).SelectMany(b => b), .. UInt32(1)], "nest deeper than 64 levels" },
    };

    [Theory]
    [MemberData(nameof(CorruptValues))]
    public void Decode_CorruptValue_ThrowsFormatErrorNamingFileOffsetAndProblem(string description, byte[] section, string problem)
    {
        var error = Assert.Throws<MmdbFormatException>(() => Decoder(section).Decode(0));

        Assert.True(error.Reason.Contains(problem, StringComparison.Ordinal), $"{description}: {error.Reason}");
        Assert.StartsWith("data section offset ", error.Reason, StringComparison.Ordinal);
        Assert.Equal("crafted.mmdb", error.FilePath);
        Assert.Contains("'crafted.mmdb'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PointersThatFanOutExponentially_StopAtTheValueBudget()
    {
        // Six levels of 16 pointers each to the level below: 16^6 values from about 500 bytes.
        var section = new List<byte>(String("leaf"));
        var below = 0;
        for (var level = 0; level < 6; level++)
        {
            var offset = section.Count;
            section.AddRange(Array([.. Enumerable.Repeat(Pointer(below, 0), 16)]));
            below = offset;
        }
        var decoder = Decoder([.. section]);

        var error = Assert.Throws<MmdbFormatException>(() => decoder.Decode(below));

        Assert.Contains($"more than {MmdbDataDecoder.MaxValuesPerDecode} values", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OneLargeStringReferencedManyTimes_StopsAtTheByteBudget()
    {
        var section = new List<byte>(String(new string('s', 1_000_000)));
        var array = section.Count;
        section.AddRange(Array([.. Enumerable.Repeat(Pointer(0, 3), 100)]));

        var error = Assert.Throws<MmdbFormatException>(() => Decoder([.. section]).Decode(array));

        Assert.Contains($"more than {MmdbDataDecoder.MaxPayloadBytesPerDecode} bytes", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    public void Decode_OffsetOutsideTheSection_IsAFormatError(int offset)
    {
        var error = Assert.Throws<MmdbFormatException>(() => Decoder(UInt16(7)).Decode(offset));

        Assert.Contains("outside the section", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Int32ShorterThanFourBytes_IsNotSignExtended()
    {
        // As libmaxminddb reads it: the sign bit only counts in a full four-byte value.
        Assert.Equal(0xFF, Decoder([.. Control(8, 1), 0xFF]).Decode(0));
        Assert.Equal(-1, Decoder([.. Control(8, 4), 0xFF, 0xFF, 0xFF, 0xFF]).Decode(0));
    }

    [Fact]
    public void Decode_RandomBytes_OnlyEverThrowFormatErrors()
    {
        var random = new Random(1234);
        var decoded = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var section = new byte[random.Next(1, 48)];
            random.NextBytes(section);
            try
            {
                Decoder(section).Decode(random.Next(section.Length));
                decoded++;
            }
            catch (MmdbFormatException)
            {
            }
        }
        Assert.InRange(decoded, 1, 49_999);
    }

    private static MmdbDataDecoder Decoder(byte[] section) => new(section, 0, section.Length, "crafted.mmdb", "data section");
}
