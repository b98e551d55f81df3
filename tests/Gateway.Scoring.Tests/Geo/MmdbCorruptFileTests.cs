using System.IO.Compression;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>Broken files on disk: each gives a <see cref="MmdbFormatException"/> naming the file and the reason.</summary>
public sealed class MmdbCorruptFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_EmptyFile_SaysItIsEmpty() =>
        AssertRejected(_folder.Write("empty.mmdb", []), "file is empty");

    [Fact]
    public void Open_MissingFile_SaysNotFound() =>
        AssertRejected(Path.Combine(_folder.Path, "absent.mmdb"), "file not found");

    [Fact]
    public void Open_FileTruncatedToHalf_HasNoMetadataMarker()
    {
        var original = SharedBytes(GeoTestData.AsnIPv6);
        AssertRejected(_folder.Write("half.mmdb", original[..(original.Length / 2)]), "no metadata marker");
    }

    [Fact]
    public void Open_TreeCutOutButMetadataKept_SaysTheTreeDoesNotFit()
    {
        var original = SharedBytes(GeoTestData.AsnIPv6);
        AssertRejected(_folder.Write("cut.mmdb", [.. original[..1000], .. original[^1000..]]), "does not fit before the metadata");
    }

    [Fact]
    public void Open_MarkerOverwritten_HasNoMetadataMarker()
    {
        var bytes = SharedBytes(GeoTestData.CountryIPv4);
        var marker = bytes.AsSpan().LastIndexOf(MmdbMetadataParser.Marker);
        bytes[marker + 3] = (byte)'X';
        AssertRejected(_folder.Write("no-marker.mmdb", bytes), "no metadata marker");
    }

    [Fact]
    public void Load_GarbageInDataSection_IsAFormatErrorAtLoad()
    {
        var bytes = SharedBytes(GeoTestData.CountryIPv4);
        var (dataStart, dataEnd) = DataSection(bytes);
        bytes.AsSpan(dataStart, dataEnd - dataStart).Fill(0xFF);
        AssertRejected(_folder.Write("garbage.mmdb", bytes), "data section offset ");
    }

    [Fact]
    public void Load_RecordThatPointsAtItself_StopsAtTheNestingLimit()
    {
        var bytes = SharedBytes(GeoTestData.CountryIPv4);
        var (dataStart, _) = DataSection(bytes);
        var first = MmdbReader.FromBytes(bytes, "original").DataOffsets[0];
        Assert.InRange(first, 0, 2047);
        // { "a": pointer to this very map }
        byte[] loop = [0xE1, 0x41, (byte)'a', (byte)(0x20 | (first >> 8)), (byte)first];
        loop.CopyTo(bytes, dataStart + first);
        AssertRejected(_folder.Write("loop.mmdb", bytes), "nest deeper than 64 levels");
    }

    [Fact]
    public void Open_TreeRecordPastTheDataSection_NamesTheNode()
    {
        var bytes = SharedBytes(GeoTestData.CountryIPv4);
        var (dataStart, dataEnd) = DataSection(bytes);
        var nodeCount = (dataStart - 16) / 6;
        WriteRecord24(bytes, node: 5, nodeCount + 16 + (dataEnd - dataStart) + 10);
        AssertRejected(_folder.Write("past-end.mmdb", bytes), "search tree node 5 points to data offset");
    }

    [Fact]
    public void Open_TreeRecordIntoTheSeparator_NamesTheNode()
    {
        var bytes = SharedBytes(GeoTestData.CountryIPv4);
        var (dataStart, _) = DataSection(bytes);
        WriteRecord24(bytes, node: 7, ((dataStart - 16) / 6) + 3);
        AssertRejected(_folder.Write("separator.mmdb", bytes), "search tree node 7 points into the data section separator");
    }

    [Fact]
    public void Open_GzipThatIsNotGzip_SaysSo()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        AssertRejected(_folder.Write("garbage.mmdb.gz", garbage), "not a valid gzip stream");
    }

    [Fact]
    public void Open_TruncatedGzip_IsAFormatError()
    {
        var compressed = File.ReadAllBytes(GeoTestData.Bundled(GeoTestData.AsnIPv6 + ".gz"));
        var path = _folder.Write("truncated.mmdb.gz", compressed[..(compressed.Length / 2)]);

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.Open(path));

        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Open_GzipOfNothing_SaysItIsEmpty() =>
        AssertRejected(_folder.Write("nothing.mmdb.gz", Gzip([])), "gzip stream is empty");

    [Fact]
    public void Open_GzipLargerThanTheLimit_StopsDecompressing()
    {
        var path = GeoTestData.Bundled(GeoTestData.AsnIPv6 + ".gz");

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.Open(path, maxBytes: 1_000_000));

        Assert.Contains("decompresses to more than the limit of 1000000 bytes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileLargerThanTheLimit_IsRefusedBeforeReading()
    {
        var path = GeoTestData.Shared(GeoTestData.AsnIPv6);

        var error = Assert.Throws<MmdbFormatException>(() => MmdbReader.Open(path, maxBytes: 1_000_000));

        Assert.Contains("over the limit of 1000000", error.Reason, StringComparison.Ordinal);
    }

    private static void AssertRejected(string path, string reason)
    {
        var error = Assert.Throws<MmdbFormatException>(() => GeoDatabase.Load(path, s => s));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.True(error.Reason.Contains(reason, StringComparison.Ordinal), $"expected '{reason}' in: {error.Reason}");
    }

    private static byte[] SharedBytes(string fileName) => File.ReadAllBytes(GeoTestData.Shared(fileName));

    /// <returns>File offsets of the data section (24-bit tree assumed, as in the shared files).</returns>
    private static (int Start, int End) DataSection(byte[] bytes)
    {
        var (metadata, markerOffset) = MmdbMetadataParser.Parse(bytes, "original");
        Assert.Equal(24, metadata.RecordSize);
        return ((int)metadata.NodeCount * 6 + 16, markerOffset);
    }

    private static void WriteRecord24(byte[] bytes, int node, long value)
    {
        bytes[node * 6] = (byte)(value >> 16);
        bytes[node * 6 + 1] = (byte)(value >> 8);
        bytes[node * 6 + 2] = (byte)value;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }
        return output.ToArray();
    }
}
