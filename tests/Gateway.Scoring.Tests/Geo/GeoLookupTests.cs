using System.Collections.Concurrent;
using System.Net;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo;

namespace Gateway.Scoring.Tests.Geo;

public sealed class GeoLookupTests
{
    private static readonly ConcurrentDictionary<string, GeoLookup> Loaded = new();

    [Fact]
    public void Lookup_CountryAndAsnDatabases_MergeIntoOneAnswer()
    {
        var geo = Load([GeoTestData.CountryLite], [GeoTestData.AsnLite]);

        Assert.Equal(new GeoInfo("US", 15169, "Google LLC"), geo.Lookup(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(new GeoInfo("AU", 13335, "Cloudflare, Inc."), geo.Lookup(IPAddress.Parse("1.1.1.1")));
        Assert.Equal(new GeoInfo("US", 15169, "Google LLC"), geo.Lookup(IPAddress.Parse("2001:4860:4860::8888")));
        Assert.Equal(new GeoInfo("CA", 13335, "Cloudflare, Inc."), geo.Lookup(IPAddress.Parse("2606:4700:4700::1111")));
    }

    [Theory]
    [InlineData("192.168.1.1")]
    [InlineData("10.0.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    public void Lookup_PrivateAndReservedAddresses_AreUnknown(string address)
    {
        var geo = Load([GeoTestData.CountryLite, GeoTestData.CountryIPv4], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);

        Assert.Equal(GeoInfo.Unknown, geo.Lookup(IPAddress.Parse(address)));
    }

    [Fact]
    public void Lookup_IPv6OnlyDatabaseFirst_FallsThroughToTheNextForIPv4()
    {
        var geo = Load([GeoTestData.CountryIPv6, GeoTestData.CountryIPv4], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);

        Assert.Equal(new GeoInfo("US", 15169, "Google LLC"), geo.Lookup(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Lookup_DatabasesThatDisagree_FirstInTheListWins()
    {
        // The 2025-12 IPv6 ASN build and the 2021-11 one disagree on many networks.
        var newer = Load([], [GeoTestData.AsnIPv6]);
        var older = Load([], [GeoTestData.AsnLite]);
        var address = AddressesOf(GeoTestData.AsnIPv6).First(a =>
            newer.Lookup(a).Asn != 0 && older.Lookup(a).Asn != 0 && newer.Lookup(a) != older.Lookup(a));

        Assert.Equal(newer.Lookup(address), Load([], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]).Lookup(address));
        Assert.Equal(older.Lookup(address), Load([], [GeoTestData.AsnLite, GeoTestData.AsnIPv6]).Lookup(address));
    }

    [Fact]
    public void Lookup_AskedAgain_AnswersFromItsCacheExactlyAsTheDatabasesDid()
    {
        var geo = LoadNow([GeoTestData.CountryLite], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);
        var addresses = AddressesOf(GeoTestData.AsnIPv6).Concat(AddressesOf(GeoTestData.AsnLite)).ToList();

        var first = addresses.Select(geo.Lookup).ToList();
        var again = addresses.Select(geo.Lookup).ToList();

        Assert.Equal(first, again);
        Assert.True(first.Distinct().Count() > 100, "the sample should reach many different answers");
    }

    [Fact]
    public void Lookup_IPv4MappedIPv6_AnswersAsTheIPv4Address()
    {
        var combined = Load([GeoTestData.CountryLite], [GeoTestData.AsnLite]);
        var perFamily = Load([GeoTestData.CountryIPv4, GeoTestData.CountryIPv6], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);
        var random = new Random(42);
        var known = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var v4 = new IPAddress(random.NextInt64(0, 1L << 32));
            var mapped = v4.MapToIPv6();
            Assert.Equal(combined.Lookup(v4), combined.Lookup(mapped));
            Assert.Equal(perFamily.Lookup(v4), perFamily.Lookup(mapped));
            known += combined.Lookup(v4).CountryCode is null ? 0 : 1;
        }
        Assert.True(known > 1_000, $"only {known} addresses had a country");
    }

    [Fact]
    public void Lookup_WhenWarm_DoesNotAllocate()
    {
        var geo = Load([GeoTestData.CountryLite], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);
        IPAddress[] addresses = [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("2606:4700:4700::1111"), IPAddress.Parse("::ffff:1.1.1.1"), IPAddress.Parse("10.0.0.1")];
        // A few rounds, because tiered compilation may still be busy on the first; its own
        // bookkeeping is not the lookup's. An allocating lookup would fail every round.
        var allocated = -1L;
        for (var round = 0; round < 10 && allocated != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 10_000; i++)
            {
                geo.Lookup(addresses[i % addresses.Length]);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Lookup_ManyThreadsAtOnce_AnswerAsOneThreadDoes()
    {
        var geo = Load([GeoTestData.CountryLite], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);
        var random = new Random(9);
        var addresses = Enumerable.Range(0, 20_000).Select(_ => new IPAddress(random.NextInt64(0, 1L << 32))).ToArray();
        var expected = addresses.Select(geo.Lookup).ToArray();
        var actual = new GeoInfo[addresses.Length];

        Parallel.For(0, addresses.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = geo.Lookup(addresses[i]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Lookup_CountryCodesAndOrganisations_AreSharedInstances()
    {
        var geo = Load([GeoTestData.CountryLite, GeoTestData.CountryIPv4], [GeoTestData.AsnIPv6, GeoTestData.AsnLite]);

        var a = geo.Lookup(IPAddress.Parse("8.8.8.8"));
        var b = geo.Lookup(IPAddress.Parse("2001:4860:4860::8888"));

        Assert.Same(a.CountryCode, b.CountryCode);
        Assert.Same(a.AsnOrganization, b.AsnOrganization);
    }

    [Fact]
    public void Describe_NamesEachDatabaseWithTypeAndBuildDate()
    {
        var geo = Load([GeoTestData.CountryLite], [GeoTestData.AsnLite]);

        var description = geo.Describe();

        Assert.Contains("dbip-country-lite-2025-01.mmdb (DBIP-Country-Lite, IPv6 tree, 1207904 nodes", description, StringComparison.Ordinal);
        Assert.Contains("built 2021-11-01", description, StringComparison.Ordinal);
        Assert.True(geo.IsLoaded);
    }

    /// <summary>Loads through the public path (options, paths, errors), once per combination.</summary>
    internal static GeoLookup Load(string[] countryFiles, string[] asnFiles) =>
        Loaded.GetOrAdd(string.Join(",", countryFiles) + "|" + string.Join(",", asnFiles), _ => LoadNow(countryFiles, asnFiles));

    private static GeoLookup LoadNow(string[] countryFiles, string[] asnFiles)
    {
        var errors = new ConfigurationErrors();
        var options = new GeoOptions
        {
            CountryDatabases = [.. countryFiles.Select(GeoTestData.Shared)],
            AsnDatabases = [.. asnFiles.Select(GeoTestData.Shared)],
        };
        var geo = GeoLookup.Load(options, new AssetPaths(GeoTestData.SharedFolder), errors);
        Assert.Empty(errors.Errors);
        Assert.Empty(errors.Warnings);
        return geo;
    }

    private static IEnumerable<IPAddress> AddressesOf(string fileName)
    {
        var reader = Scoring.Geo.MaxMindDb.MmdbReader.Open(GeoTestData.Shared(fileName));
        return AddressSampler.Sample(reader, seed: 5, uniformV4: 0, uniformV6: 0, networks: 2_000).Select(IPAddress.Parse);
    }
}
