using System.Globalization;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

public sealed class MmdbMetadataTests
{
    public static TheoryData<string> SharedDatabases() => [.. GeoTestData.AllDatabases];

    [Theory]
    [MemberData(nameof(SharedDatabases))]
    public void Metadata_EveryDatabase_MatchesTheFiguresOfTheDataReadme(string fileName)
    {
        var documented = DocumentedMetadata()[fileName];
        var bytes = File.ReadAllBytes(GeoTestData.Shared(fileName));

        var (metadata, markerOffset) = MmdbMetadataParser.Parse(bytes, fileName);

        Assert.Equal(documented.MarkerFromEnd, bytes.Length - markerOffset);
        Assert.Equal(documented.DatabaseType, metadata.DatabaseType);
        Assert.Equal(documented.IpVersion, metadata.IpVersion);
        Assert.Equal(documented.RecordSize, metadata.RecordSize);
        Assert.Equal(documented.NodeCount, metadata.NodeCount);
        Assert.Equal(documented.BuildEpoch, metadata.BuildEpoch);
        Assert.Equal(2, metadata.BinaryFormatMajorVersion);
        Assert.Equal(0, metadata.BinaryFormatMinorVersion);
    }

    [Fact]
    public void Metadata_CountryLite_HasItsLanguagesAndDescription()
    {
        var metadata = MmdbReader.Open(GeoTestData.Shared(GeoTestData.CountryLite)).Metadata;

        Assert.Equal(["en", "de", "es", "fr", "ja", "pt-BR", "ru", "zh-CN", "fa", "ko"], metadata.Languages);
        Assert.Contains("DB-IP", metadata.Description["en"], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 2, 22, 30, TimeSpan.Zero), metadata.BuildTime);
    }

    private sealed record Documented(int MarkerFromEnd, string DatabaseType, int IpVersion, int RecordSize, uint NodeCount, ulong BuildEpoch);

    /// <summary>The "Verification" table of <c>../shared/data/geoip/README.md</c>, keyed by file name.</summary>
    private static Dictionary<string, Documented> DocumentedMetadata()
    {
        var rows = new Dictionary<string, Documented>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(GeoTestData.SharedFolder, "README.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length != 9)
            {
                continue;
            }
            cells = cells[1..^1];
            if ( !cells[0].StartsWith("`dbip-", StringComparison.Ordinal) || !int.TryParse(cells[1], out var marker))
            {
                continue;
            }
            rows.Add(cells[0].Trim('`'), new Documented(
                marker,
                cells[2].Trim('`'),
                int.Parse(cells[3], CultureInfo.InvariantCulture),
                int.Parse(cells[4], CultureInfo.InvariantCulture),
                uint.Parse(cells[5], NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                ulong.Parse(cells[6].Split(' ')[0], CultureInfo.InvariantCulture)));
        }
        Assert.True(rows.Count == GeoTestData.AllDatabases.Length,
            $"expected a verification row per database in the shared README, found {rows.Count}: {string.Join(", ", rows.Keys)}");
        return rows;
    }
}
