using System.Net;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo;
using Gateway.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Tests.Geo;

public sealed class GeoLookupLoadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_DefaultOptions_LoadTheBundledDatabases()
    {
        var errors = new ConfigurationErrors();

        var geo = GeoLookup.Load(new GeoOptions(), new AssetPaths(RepoPaths.InRepo("src", "Gateway")), errors);

        Assert.Empty(errors.Errors);
        Assert.True(geo.IsLoaded);
        Assert.Equal(["dbip-country-lite-2025-01.mmdb.gz"], geo.CountryDatabases.Select(d => Path.GetFileName(d.FilePath)));
        Assert.Equal(["dbip-asn-ipv6.mmdb.gz", "dbip-asn-lite-2021-11.mmdb.gz"], geo.AsnDatabases.Select(d => Path.GetFileName(d.FilePath)));
        Assert.Equal(new GeoInfo("US", 15169, "Google LLC"), geo.Lookup(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Load_MissingAndCorruptFiles_ReportsEachWithItsKeyAndFile()
    {
        var empty = _folder.Write("empty.mmdb", []);
        var badGzip = _folder.Write("bad.mmdb.gz", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        var missing = Path.Combine(_folder.Path, "missing.mmdb");
        var options = new GeoOptions
        {
            CountryDatabases = [GeoTestData.Shared(GeoTestData.CountryLite), empty],
            AsnDatabases = [missing, GeoTestData.Shared(GeoTestData.AsnLite), badGzip],
        };
        var errors = new ConfigurationErrors();

        var geo = GeoLookup.Load(options, new AssetPaths(_folder.Path), errors);

        Assert.False(geo.IsLoaded);
        Assert.Equal(GeoInfo.Unknown, geo.Lookup(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(
        [
            $"Protection:Geo:CountryDatabases:1: {empty}: file is empty",
            $"Protection:Geo:AsnDatabases:0: {missing}: file not found",
        ], errors.Errors.Take(2));
        Assert.Equal(3, errors.Errors.Count);
        Assert.StartsWith($"Protection:Geo:AsnDatabases:2: {badGzip}: not a valid gzip stream", errors.Errors[2], StringComparison.Ordinal);
        Assert.Empty(errors.Warnings);
    }

    [Fact]
    public void Load_DatabaseOfTheWrongKind_IsReportedUnderItsKey()
    {
        var options = new GeoOptions
        {
            CountryDatabases = [GeoTestData.Shared(GeoTestData.AsnLite)],
            AsnDatabases = [GeoTestData.Shared(GeoTestData.CountryLite)],
        };
        var errors = new ConfigurationErrors();

        GeoLookup.Load(options, new AssetPaths(_folder.Path), errors, "Custom:Geo");

        Assert.Equal(2, errors.Errors.Count);
        Assert.StartsWith("Custom:Geo:CountryDatabases:0: ", errors.Errors[0], StringComparison.Ordinal);
        Assert.Contains("has no country codes", errors.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Custom:Geo:AsnDatabases:0: ", errors.Errors[1], StringComparison.Ordinal);
        Assert.Contains("has no autonomous system numbers", errors.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OptionalAndFailing_WarnsAndAnswersUnknown()
    {
        var options = new GeoOptions
        {
            CountryDatabases = [Path.Combine(_folder.Path, "missing.mmdb")],
            AsnDatabases = [GeoTestData.Shared(GeoTestData.AsnLite)],
            Optional = true,
        };
        var errors = new ConfigurationErrors();

        var geo = GeoLookup.Load(options, new AssetPaths(_folder.Path), errors);

        Assert.False(errors.HasErrors);
        Assert.Equal(2, errors.Warnings.Count);
        Assert.Contains("Protection:Geo:CountryDatabases:0", errors.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("switched off", errors.Warnings[1], StringComparison.Ordinal);
        Assert.False(geo.IsLoaded);
        Assert.Equal(GeoInfo.Unknown, geo.Lookup(IPAddress.Parse("8.8.8.8")));
        Assert.Contains("unavailable", geo.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyPath_IsReported()
    {
        var errors = new ConfigurationErrors();

        GeoLookup.Load(new GeoOptions { CountryDatabases = [" "], AsnDatabases = [] }, new AssetPaths(_folder.Path), errors);

        Assert.Equal(["Protection:Geo:CountryDatabases:0: path is empty"], errors.Errors);
    }

    [Fact]
    public void Load_RelativePath_IsResolvedAgainstTheContentRoot()
    {
        File.Copy(GeoTestData.Shared(GeoTestData.CountryIPv4), Path.Combine(_folder.Path, "country.mmdb"));
        var errors = new ConfigurationErrors();

        var geo = GeoLookup.Load(new GeoOptions { CountryDatabases = ["country.mmdb"], AsnDatabases = [] }, new AssetPaths(_folder.Path), errors);

        Assert.Empty(errors.Errors);
        Assert.Equal("US", geo.Lookup(IPAddress.Parse("8.8.8.8")).CountryCode);
    }

    [Fact]
    public void GeoOptions_BoundFromConfiguration_ReplaceTheDefaultsInsteadOfAppending()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Protection:Geo:CountryDatabases:0"] = "/data/country.mmdb",
            ["Protection:Geo:Optional"] = "true",
        }).Build();

        var options = configuration.GetSection("Protection:Geo").Get<GeoOptions>()!;

        Assert.Equal(["/data/country.mmdb"], options.CountryDatabases!);
        Assert.Null(options.AsnDatabases);
        Assert.True(options.Optional);
    }
}
