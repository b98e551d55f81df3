using System.Net;
using Gateway.Scoring.Geo.MaxMindDb;
using static Gateway.Scoring.Tests.Geo.MmdbTestEncoder;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>Built databases: record sizes, IPv4-only trees and data types the real databases lack.</summary>
public sealed class MmdbReaderTests
{
    [Theory]
    [InlineData(6, 24, false)]
    [InlineData(6, 28, true)]
    [InlineData(6, 32, true)]
    [InlineData(4, 24, false)]
    [InlineData(4, 28, true)]
    [InlineData(4, 32, false)]
    public void Find_BuiltDatabaseOfEveryRecordSize_AnswersAsMmdblookupDoes(int ipVersion, int recordSize, bool farData)
    {
        using var folder = new TempFolder();
        var path = folder.Write($"every-type-v{ipVersion}-{recordSize}.mmdb", SyntheticDatabases.EveryType(ipVersion, recordSize, farData));
        var reader = MmdbReader.Open(path);

        var counts = ReferenceComparison.AssertSameAnswers(reader, path, SyntheticDatabases.ProbeAddresses);

        Assert.True(counts.Found >= 8, $"only {counts.Found} probes found");
        Assert.True(counts.NotFound >= 5, $"only {counts.NotFound} probes not found");
    }

    [Fact]
    public void Decode_EveryType_GivesTheEncodedValues()
    {
        var reader = MmdbReader.FromBytes(SyntheticDatabases.EveryType(6, 24, farData: false), "every-type.mmdb");
        var record = Assert.IsType<Dictionary<string, object>>(reader.Decode(Find(reader, "1.2.3.4").DataOffset));

        Assert.Equal("h\u00e9llo \u2713 \u65e5\u672c", record["utf8"]);
        Assert.Equal("", record["empty_string"]);
        Assert.Equal(new string('y', 70_000), record["longer_string"]);
        Assert.Equal(-42.125, record["double"]);
        Assert.Equal(1.5f, record["float"]);
        Assert.Equal(new byte[] { 0x00, 0xAB, 0xFF }, record["bytes"]);
        Assert.Equal(ushort.MaxValue, record["uint16"]);
        Assert.Equal(uint.MaxValue, record["uint32"]);
        Assert.Equal(0u, record["uint32_zero"]);
        Assert.Equal(ulong.MaxValue - 1, record["uint64"]);
        Assert.Equal(((UInt128)0x0123456789ABCDEF << 64) | 0xFEDCBA9876543210, record["uint128"]);
        Assert.Equal(1234, record["int32"]);
        Assert.Equal(-268_435_456, record["int32_negative"]);
        Assert.Equal(true, record["true"]);
        Assert.Equal(false, record["false"]);
        var array = Assert.IsType<object[]>(record["array"]);
        Assert.Equal("a", array[0]);
        Assert.Equal(1u, array[1]);
        Assert.Equal("yes", Assert.IsType<Dictionary<string, object>>(array[2])["nested"]);
        Assert.Empty(Assert.IsType<Dictionary<string, object>>(record["empty_map"]));
        Assert.Empty(Assert.IsType<object[]>(record["empty_array"]));
        Assert.Equal("near: pointer size 0", record["pointer0"]);
        Assert.Equal("middle: pointer size 1", record["pointer1"]);
        Assert.Equal("far: pointer size 2", record["pointer2"]);
        Assert.Equal("far: pointer size 2", record["pointer3"]);
        Assert.Equal("value of a key reached through a pointer", record["key_through_pointer"]);
    }

    [Fact]
    public void Find_IPv4Tree_AnswersIPv4MappedAddressesAsIPv4AndRefusesOtherIPv6()
    {
        var reader = MmdbReader.FromBytes(SyntheticDatabases.EveryType(4, 24, farData: false), "v4.mmdb");

        var plain = Find(reader, "1.2.3.4");
        var mapped = Find(reader, "::ffff:1.2.3.4");

        Assert.Equal(MmdbLookupStatus.Found, plain.Status);
        Assert.Equal(plain, mapped);
        Assert.Equal(24, plain.PrefixLength);
        Assert.Equal(MmdbLookupStatus.AddressFamilyNotInDatabase, Find(reader, "2001:db8::1").Status);
        Assert.Equal(MmdbLookupStatus.AddressFamilyNotInDatabase, Find(reader, "::1.2.3.4").Status);
    }

    [Fact]
    public void Find_IPv6Tree_LooksUpIPv4UnderTheFirst96Bits()
    {
        var reader = MmdbReader.FromBytes(SyntheticDatabases.EveryType(6, 24, farData: false), "v6.mmdb");

        var plain = Find(reader, "1.2.3.4");

        Assert.Equal(MmdbLookupStatus.Found, plain.Status);
        Assert.Equal(120, plain.PrefixLength);
        Assert.Equal(plain, Find(reader, "::1.2.3.4"));
        // This tree has no ::ffff:0:0/96 alias, so the mapped form is another address.
        Assert.Equal(MmdbLookupStatus.NotFound, Find(reader, "::ffff:1.2.3.4").Status);
    }

    [Fact]
    public void DataOffsets_ListEachRecordTheTreeReferencesOnce()
    {
        var reader = MmdbReader.FromBytes(SyntheticDatabases.EveryType(6, 28, farData: true), "v6.mmdb");

        Assert.Equal(3, reader.DataOffsets.Count);
        Assert.True(reader.DataOffsets[0] > SyntheticDatabases.MaxFieldPayload);
        Assert.Equal(reader.DataOffsets.Order(), reader.DataOffsets);
    }

    [Theory]
    [InlineData("record_size", 20, "record_size 20 is not supported")]
    [InlineData("ip_version", 5, "ip_version 5 is invalid")]
    [InlineData("binary_format_major_version", 3, "binary format major version 3 is not supported")]
    [InlineData("node_count", 0, "node_count 0 is out of range")]
    [InlineData("node_count", 100_000, "does not fit before the metadata")]
    public void Open_UnsupportedOrImpossibleMetadata_NamesFileAndReason(string key, int value, string reason)
    {
        var builder = NetworkOfOneRecord().Metadata(key, UInt32((uint)value));

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.FromBytes(builder.Build(), "bad-metadata.mmdb"));

        Assert.Equal("bad-metadata.mmdb", error.FilePath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("bad-metadata.mmdb", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node_count", "metadata has no node_count")]
    [InlineData("database_type", "metadata has no database_type")]
    [InlineData("build_epoch", "metadata has no build_epoch")]
    public void Open_MetadataWithoutARequiredKey_NamesTheKey(string key, string reason)
    {
        var builder = NetworkOfOneRecord().Metadata(key, []);

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.FromBytes(builder.Build(), "missing-key.mmdb"));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MetadataOfTheWrongType_IsRejected()
    {
        var builder = NetworkOfOneRecord().Metadata("languages", String("en"));

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.FromBytes(builder.Build(), "languages.mmdb"));

        Assert.Contains("languages is not an array of strings", error.Reason, StringComparison.Ordinal);
    }

    private static MmdbTestFileBuilder NetworkOfOneRecord()
    {
        var builder = new MmdbTestFileBuilder(6, 24);
        builder.Network("1.2.3.0/24", builder.AddData(String("one")));
        return builder;
    }

    private static MmdbLookupResult Find(MmdbReader reader, string address)
    {
        Span<byte> bytes = stackalloc byte[16];
        IPAddress.Parse(address).TryWriteBytes(bytes, out var written);
        return reader.Find(bytes[..written]);
    }
}
