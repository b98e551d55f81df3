using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Reputation;
using Gateway.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Tests.Reputation;

/// <summary>The real snapshot lists (shared data set and the copies bundled with the gateway).</summary>
public sealed class SharedListsTests
{
    private static readonly string SharedFolder = Path.Combine(RepoPaths.SharedData, "reputation");
    private static readonly string GatewayContentRoot = RepoPaths.InRepo("src", "Gateway");

    [Theory]
    [InlineData("firehol_level1.netset")]
    [InlineData("spamhaus_drop.netset")]
    [InlineData("dshield.netset")]
    [InlineData("et_compromised.ipset")]
    [InlineData("tor_exits.ipset")]
    [InlineData("ipsum.txt")]
    public void Load_SharedList_CountsAsManyEntriesAsTheReadmeSays(string file)
    {
        var readmeEntries = ReadmeEntries(File.ReadAllText(Path.Combine(SharedFolder, "README.md")), file);
        var options = new ReputationOptions { Lists = [new() { Name = "list", Path = Path.Combine(SharedFolder, file), MinCount = 1 }] };
        var errors = new ConfigurationErrors();

        var database = ReputationDatabase.Load(options, new AssetPaths(SharedFolder), errors);

        Assert.Empty(errors.Errors);
        Assert.Equal(readmeEntries, database.ListStats[0].Entries);
        Assert.Equal(readmeEntries, database.ListStats[0].Listed);
        Assert.Equal(0, database.ListStats[0].HostBitsNormalised);
        var header = Regex.Match(File.ReadAllText(Path.Combine(SharedFolder, file)), @"^# Entries\s*:\s*(\d+)", RegexOptions.Multiline);
        if (header.Success)
        {
            Assert.Equal(int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture), readmeEntries);
        }
    }

    [Fact]
    public void Load_SharedIpsumWithMinCountThree_ListsTheAddressesTheReadmeCounts()
    {
        var options = new ReputationOptions { Lists = [new() { Name = "ipsum", Path = "ipsum.txt", Format = ReputationListFormat.Ipsum }] };
        var errors = new ConfigurationErrors();
        var stats = ReputationDatabase.Load(options, new AssetPaths(SharedFolder), errors).ListStats[0];
        Assert.Empty(errors.Errors);
        Assert.Equal((120_430, 14_217, 106_213), (stats.Entries, stats.Listed, stats.BelowMinCount));
    }

    [Fact]
    public void BundledLists_AreUnchangedCopiesOfTheSharedOnes()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(GatewayContentRoot, "assets", "reputation")))
        {
            if (Path.GetFileName(path) != "README.md")
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(SharedFolder, Path.GetFileName(path))), File.ReadAllBytes(path));
            }
        }
    }

    [Theory]
    [InlineData("spamhaus_drop", "2.57.122.1")]
    [InlineData("firehol_level1", "2.56.195.255")]
    [InlineData("et_compromised", "4.240.39.196")]
    [InlineData("tor_exits", "2.58.56.220")]
    [InlineData("ipsum", "77.90.185.20")]
    [InlineData("ipsum", "1.20.178.157")]
    public void Lookup_BundledConfig_MatchesAKnownAddressOfEachList(string list, string address)
    {
        var database = LoadBundledConfig();
        var match = database.Lookup(IPAddress.Parse(address));
        var index = IndexOf(database, list);
        Assert.NotEqual(0UL, match.ListMask & (1UL << index));
        Assert.True(match.Weight >= database.Lists[index].Weight);
    }

    [Fact]
    public void Lookup_BundledConfig_SkipsIpsumAddressesBelowMinCount()
    {
        var database = LoadBundledConfig();
        var ipsumBit = 1UL << IndexOf(database, "ipsum");
        Assert.Equal(0UL, database.Lookup(IPAddress.Parse("1.0.164.165")).ListMask & ipsumBit); // count 2
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("192.168.1.10")]
    [InlineData("172.16.5.4")]
    [InlineData("100.64.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("198.51.100.7")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Lookup_BundledConfig_NeverFlagsSpecialPurposeAddressesThatFireholLists(string address)
    {
        Assert.False(LoadBundledConfig().Lookup(IPAddress.Parse(address)).IsListed);
    }

    [Fact]
    public void Lookup_FireholWithoutExemptions_DoesListPrivateRanges()
    {
        // Proves the test above guards something: the raw list names these ranges.
        var options = new ReputationOptions
        {
            ExemptSpecialPurposeRanges = false,
            Lists = [new() { Name = "firehol_level1", Path = "firehol_level1.netset" }],
        };
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(options, new AssetPaths(SharedFolder), errors);
        Assert.True(database.Lookup(IPAddress.Parse("127.0.0.1")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("10.20.30.40")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("192.168.1.10")).IsListed);
    }

    [Fact]
    public void Load_BundledConfig_ReportsFireholEntriesThatTouchExemptRanges()
    {
        var firehol = LoadBundledConfig().ListStats.Single(s => s.Name == "firehol_level1");
        Assert.InRange(firehol.TouchingExemptRanges, 10, 20);
    }

    private static readonly Lazy<ReputationDatabase> BundledConfig = new(LoadBundledConfigOnce);

    private static ReputationDatabase LoadBundledConfig() => BundledConfig.Value;

    /// <summary>The configuration documented in the bundled README, bound the way the host binds it.</summary>
    private static ReputationDatabase LoadBundledConfigOnce()
    {
        var readme = File.ReadAllText(Path.Combine(GatewayContentRoot, "assets", "reputation", "README.md"));
        var json = Regex.Match(readme, "```json\\s*(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("{ \"Protection\": {" + json + "} }")))
            .Build();
        var options = configuration.GetSection("Protection:Reputation").Get<ReputationOptions>()!;
        Assert.Equal(5, options.Lists.Count);

        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(options, new AssetPaths(GatewayContentRoot), errors);
        Assert.Empty(errors.Errors);
        Assert.True(database.IsLoaded);
        return database;
    }

    private static int IndexOf(ReputationDatabase database, string list)
    {
        for (var i = 0; i < database.Lists.Count; i++)
        {
            if (database.Lists[i].Name == list)
            {
                return i;
            }
        }
        throw new InvalidOperationException(list + " is not configured");
    }

    /// <summary>The first number in the "Entries" column of the README's table row for the file.</summary>
    private static int ReadmeEntries(string readme, string file)
    {
        var row = Regex.Match(readme, $@"^\| `{Regex.Escape(file)}` \| ([\d,]+)", RegexOptions.Multiline);
        Assert.True(row.Success, "no README row for " + file);
        return int.Parse(row.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
