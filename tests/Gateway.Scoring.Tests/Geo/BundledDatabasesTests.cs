using System.IO.Compression;
using System.Security.Cryptography;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>The bundled files are what their README says: the shared originals, compressed.</summary>
public sealed class BundledDatabasesTests
{
    public static TheoryData<string> BundledFiles() =>
        ["dbip-country-lite-2025-01.mmdb.gz", "dbip-asn-ipv6.mmdb.gz", "dbip-asn-lite-2021-11.mmdb.gz", "DBIP-LICENSE-country.txt", "DBIP-LICENSE-asn.txt"];

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void BundledFile_MatchesTheSha256OfTheReadme(string fileName)
    {
        var row = ReadmeRow(fileName);
        var path = GeoTestData.Bundled(fileName);

        Assert.Equal(row[5], Hash(File.ReadAllBytes(path)));
        Assert.Equal(long.Parse(row[4]), new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("dbip-country-lite-2025-01.mmdb.gz")]
    [InlineData("dbip-asn-ipv6.mmdb.gz")]
    [InlineData("dbip-asn-lite-2021-11.mmdb.gz")]
    public void BundledDatabase_DecompressesToTheSharedOriginal(string fileName)
    {
        using var gzip = new GZipStream(File.OpenRead(GeoTestData.Bundled(fileName)), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        gzip.CopyTo(decompressed);

        var hash = Hash(decompressed.ToArray());

        Assert.Equal(ReadmeRow(fileName)[6], hash);
        Assert.Equal(Hash(File.ReadAllBytes(GeoTestData.Shared(fileName[..^3]))), hash);
    }

    [Theory]
    [InlineData("DBIP-LICENSE-country.txt")]
    [InlineData("DBIP-LICENSE-asn.txt")]
    public void BundledLicence_IsTheSharedLicenceText(string fileName) =>
        Assert.Equal(File.ReadAllBytes(GeoTestData.Shared(fileName)), File.ReadAllBytes(GeoTestData.Bundled(fileName)));

    [Fact]
    public void Readme_CarriesTheRequiredAttribution()
    {
        var readme = File.ReadAllText(GeoTestData.Bundled("README.md"));

        Assert.Contains("<a href='https://db-ip.com'>IP Geolocation by DB-IP</a>", readme, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", readme, StringComparison.Ordinal);
    }

    private static string[] ReadmeRow(string fileName)
    {
        var line = File.ReadLines(GeoTestData.Bundled("README.md")).Single(l => l.StartsWith($"| `{fileName}` |", StringComparison.Ordinal));
        return [.. line.Split('|', StringSplitOptions.TrimEntries)[1..^1].Select(c => c.Trim('`'))];
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
