using System.Globalization;
using System.Net;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>The reader against libmaxminddb's mmdblookup on every real database, thousands of addresses each.</summary>
public sealed class MmdbReaderReferenceTests
{
    public static TheoryData<string> SharedDatabases() => [.. GeoTestData.AllDatabases];

    [Theory]
    [MemberData(nameof(SharedDatabases))]
    public void Find_EveryDatabase_AnswersAsMmdblookupDoes(string fileName)
    {
        var path = GeoTestData.Shared(fileName);
        var reader = MmdbReader.Open(path);
        var counts = ReferenceComparison.AssertSameAnswers(reader, path, AddressSampler.Sample(reader, seed: fileName.Length * 7919));
        // Guards against a comparison that passes because nothing was found anywhere.
        Assert.True(counts.Found > counts.Total / 10, $"only {counts.Found} of {counts.Total} addresses found");
        Assert.True(counts.NotFound > 10, $"only {counts.NotFound} addresses not found");
        Assert.Equal(reader.Metadata.IpVersion == 4, counts.Refused > 0);
    }

    [Fact]
    public void Find_BundledGzipDatabase_AnswersAsMmdblookupDoesOnTheOriginal()
    {
        var reader = MmdbReader.Open(GeoTestData.Bundled(GeoTestData.CountryLite + ".gz"));
        var counts = ReferenceComparison.AssertSameAnswers(
            reader, GeoTestData.Shared(GeoTestData.CountryLite), AddressSampler.Sample(reader, seed: 20250101));
        Assert.True(counts.Found > counts.Total / 2, $"only {counts.Found} of {counts.Total} addresses found");
    }
}
