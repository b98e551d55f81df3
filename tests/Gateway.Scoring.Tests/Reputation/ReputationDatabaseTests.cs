using System.Net;
using Gateway.Scoring.Configuration;
using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Tests.Reputation;

public sealed class ReputationDatabaseTests : IDisposable
{
    private readonly TempListFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("45.0.0.0", true)]
    [InlineData("44.255.255.255", false)]
    [InlineData("45.0.255.255", true)]
    [InlineData("45.1.0.0", false)]
    [InlineData("46.10.20.30", true)]
    [InlineData("46.10.20.29", false)]
    [InlineData("46.10.20.31", false)]
    [InlineData("::ffff:45.0.0.1", true)] // IPv4-mapped IPv6 peer matches the IPv4 entry
    public void Lookup_IPv4CidrEdges_FirstAndLastInOneBeyondOut(string address, bool listed)
    {
        var database = Load(List("attacks", "45.0.0.0/16\n46.10.20.30\n"));
        Assert.Equal(listed, database.Lookup(IPAddress.Parse(address)).IsListed);
    }

    [Theory]
    [InlineData("2a00:1450::", true)]
    [InlineData("2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2a00:144f:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2a00:1451::", false)]
    [InlineData("2a01::7", true)]
    [InlineData("2a01::6", false)]
    [InlineData("2a01::8", false)]
    [InlineData("::ffff:2a00:1450", false)] // an IPv4-mapped key is not the IPv6 network
    public void Lookup_IPv6CidrEdges_FirstAndLastInOneBeyondOut(string address, bool listed)
    {
        var database = Load(List("v6", "2a00:1450::/32\n2a01::7\n"));
        Assert.Equal(listed, database.Lookup(IPAddress.Parse(address)).IsListed);
    }

    [Fact]
    public void Lookup_AddressInOverlappingLists_SetsBothBitsAndPicksTheStrongest()
    {
        var database = Load(
            List("weak", "45.0.0.0/16\n", weight: 0.3),
            List("strong", "45.0.3.0/24\n", weight: 0.9),
            List("other", "46.0.0.0/8\n", weight: 0.5));

        var both = database.Lookup(IPAddress.Parse("45.0.3.7"));
        Assert.Equal(0b011UL, both.ListMask);
        Assert.Equal(1, both.StrongestList);
        Assert.Equal(0.9, both.Weight);
        Assert.Equal("reputation:strong", database.Lists[both.StrongestList].Reason);

        var weakOnly = database.Lookup(IPAddress.Parse("45.0.4.0"));
        Assert.Equal(0b001UL, weakOnly.ListMask);
        Assert.Equal(0, weakOnly.StrongestList);
        Assert.Equal(0.3, weakOnly.Weight);
    }

    [Fact]
    public void Lookup_EqualWeights_PicksTheFirstConfiguredList()
    {
        var database = Load(List("first", "45.0.0.0/16\n", weight: 0.5), List("second", "45.0.0.0/24\n", weight: 0.5));
        Assert.Equal(0, database.Lookup(IPAddress.Parse("45.0.0.1")).StrongestList);
    }

    [Fact]
    public void Lookup_AskedAgain_AnswersFromItsCacheExactlyAsTheIntervalsDo()
    {
        var database = Load(
            List("weak", "45.0.0.0/16\n2a00:1450::/32\n", weight: 0.3),
            List("strong", "45.0.3.0/24\n46.10.20.30\n", weight: 0.9));
        var addresses = new List<IPAddress>();
        for (var i = 0; i < 2_000; i++)
        {
            addresses.Add(new IPAddress([45, (byte)(i % 3), (byte)(i % 7), (byte)i]));
            addresses.Add(new IPAddress([46, 10, 20, (byte)(20 + (i % 20))]));
        }
        addresses.Add(IPAddress.Parse("2a00:1450::1"));
        addresses.Add(IPAddress.Parse("::ffff:45.0.3.1"));

        var first = addresses.Select(database.Lookup).ToList();
        var again = addresses.Select(database.Lookup).ToList();

        Assert.Equal(first, again);
        Assert.All(addresses, a => Assert.Equal(database.Intervals.Find(Scoring.Addressing.IpAddressBits.ToKey(a)), database.Lookup(a).ListMask));
        Assert.Contains(first, m => m.IsListed && m.StrongestList == 1);
        Assert.Contains(first, m => m.IsListed && m.StrongestList == 0);
        Assert.Contains(first, m => !m.IsListed);
    }

    [Fact]
    public void Lookup_UnlistedAddress_ReturnsNone()
    {
        var database = Load(List("attacks", "45.0.0.0/16\n"));
        Assert.Equal(ReputationMatch.None, database.Lookup(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(ReputationMatch.None, database.Lookup(null!));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.1")]
    [InlineData("172.16.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Lookup_SpecialPurposeAddressListedByAList_IsNotFlagged(string address)
    {
        var database = Load(List("bogons", "0.0.0.0/0\n::/0\n"));
        Assert.False(database.Lookup(IPAddress.Parse(address)).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("8.8.8.8")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("2a00::1")).IsListed);
    }

    [Fact]
    public void Lookup_ExemptionSwitchedOff_FlagsSpecialPurposeAddresses()
    {
        var options = Options(List("bogons", "10.0.0.0/8\n"));
        options.ExemptSpecialPurposeRanges = false;
        Assert.True(Load(options).Lookup(IPAddress.Parse("10.1.2.3")).IsListed);
    }

    [Fact]
    public void Lookup_ConfiguredExemptRange_IsCutOutOfAListedNetwork()
    {
        var options = Options(List("attacks", "45.0.0.0/16\n"));
        options.ExemptRanges = ["45.0.1.0/24", "2a00::/16"];
        var database = Load(options);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.255")).IsListed);
        Assert.False(database.Lookup(IPAddress.Parse("45.0.1.0")).IsListed);
        Assert.False(database.Lookup(IPAddress.Parse("45.0.1.255")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.2.0")).IsListed);
        Assert.Equal(1, database.ListStats[0].TouchingExemptRanges);
    }

    [Fact]
    public void Load_IpsumList_KeepsOnlyEntriesAtOrAboveMinCount()
    {
        var content = "# IPsum\n45.0.0.1\t2\n45.0.0.2\t3\n45.0.0.3\t10\n";
        var database = Load(List("ipsum", content, format: ReputationListFormat.Ipsum, minCount: 3));
        Assert.False(database.Lookup(IPAddress.Parse("45.0.0.1")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.2")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.3")).IsListed);
        Assert.Equal(new ReputationListStats("ipsum", database.ListStats[0].Path, 3, 2, 1, 0, 0), database.ListStats[0]);
    }

    [Fact]
    public void Load_AutoFormat_ReadsPlainAndCountedLinesInOneFile()
    {
        var content = "45.0.0.0/24 # plain\n46.0.0.1\t1\n46.0.0.2 5 ; counted\n2a00::/16\n";
        var database = Load(List("mixed", content, minCount: 2));
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.9")).IsListed);
        Assert.False(database.Lookup(IPAddress.Parse("46.0.0.1")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("46.0.0.2")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("2a00::5")).IsListed);
    }

    [Fact]
    public void Load_CidrWithHostBitsSet_IsNormalisedToItsNetworkAndCounted()
    {
        var database = Load(List("sloppy", "45.0.0.77/24\n"));
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.0")).IsListed);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.255")).IsListed);
        Assert.Equal(1, database.ListStats[0].HostBitsNormalised);
    }

    [Fact]
    public void Load_WindowsLineEndingsBomAndBlankLines_AreAccepted()
    {
        var path = _folder.Write("crlf.netset", [0xEF, 0xBB, 0xBF, .. "# header\r\n\r\n45.0.0.0/24\r\n  \r\n46.0.0.1\r\n"u8]);
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(Options(new ReputationListOptions { Name = "crlf", Path = path }), Paths, errors);
        Assert.Empty(errors.Errors);
        Assert.Equal(2, database.ListStats[0].Entries);
        Assert.True(database.Lookup(IPAddress.Parse("46.0.0.1")).IsListed);
    }

    [Fact]
    public void Load_MalformedLines_ReportsEveryOneWithFileAndLine()
    {
        var path = _folder.Write("bad.netset", "# ok\n45.0.0.0/24\n300.1.1.1\n45.0.0.0/33\n\n1.2.3.4 junk\nexample.com\n46.0.0.1\n");
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(Options(new ReputationListOptions { Name = "bad", Path = path }), Paths, errors);

        Assert.False(database.IsLoaded);
        Assert.False(database.Lookup(IPAddress.Parse("46.0.0.1")).IsListed);
        Assert.Collection(
            errors.Errors,
            e => Assert.StartsWith($"Protection:Reputation:Lists:0:Path: {path}:3: '300.1.1.1': not an", e),
            e => Assert.StartsWith($"Protection:Reputation:Lists:0:Path: {path}:4: '45.0.0.0/33'", e),
            e => Assert.StartsWith($"Protection:Reputation:Lists:0:Path: {path}:6: '1.2.3.4 junk'", e),
            e => Assert.StartsWith($"Protection:Reputation:Lists:0:Path: {path}:7: 'example.com'", e));
    }

    [Fact]
    public void Load_ManyMalformedLines_ReportsTheFirstTwentyAndHowManyMore()
    {
        var path = _folder.Write("garbage.txt", string.Concat(Enumerable.Repeat("nope\n", 1000)));
        var errors = new ConfigurationErrors();
        ReputationDatabase.Load(Options(new ReputationListOptions { Name = "garbage", Path = path }), Paths, errors);
        Assert.Equal(21, errors.Errors.Count);
        Assert.Contains($"{path}:20: 'nope'", errors.Errors[19]);
        Assert.Equal($"Protection:Reputation:Lists:0:Path: {path}: and 980 more malformed lines (1000 in all).", errors.Errors[20]);
    }

    [Fact]
    public void Load_HostileLine_IsReportedTruncatedAndEscaped()
    {
        var hostile = new byte[] { (byte)'1', 0x1B, (byte)'[', (byte)'2', (byte)'J', 0x00, 0xC3, 0xA9, (byte)'\n' };
        var longLine = System.Text.Encoding.ASCII.GetBytes(new string('9', 5000) + "\n");
        var path = _folder.Write("hostile.txt", [.. hostile, .. longLine]);
        var errors = new ConfigurationErrors();
        ReputationDatabase.Load(Options(new ReputationListOptions { Name = "hostile", Path = path }), Paths, errors);
        Assert.Equal(2, errors.Errors.Count);
        Assert.Contains($"{path}:1: '1\\x1B[2J\\x00\\xC3\\xA9': line contains non-ASCII bytes.", errors.Errors[0]);
        Assert.Contains($"{path}:2: '{new string('9', 60)}... (5000 in all)': line longer than 1024 bytes.", errors.Errors[1]);
    }

    [Fact]
    public void Load_FormatMismatch_IsReportedPerLine()
    {
        var errors = new ConfigurationErrors();
        var plain = _folder.Write("plain.txt", "45.0.0.1\t5\n");
        var ipsum = _folder.Write("ipsum.txt", "45.0.0.1\n45.0.0.2\tx\n");
        ReputationDatabase.Load(
            Options(
                new ReputationListOptions { Name = "plain", Path = plain, Format = ReputationListFormat.Plain },
                new ReputationListOptions { Name = "ipsum", Path = ipsum, Format = ReputationListFormat.Ipsum }),
            Paths,
            errors);
        Assert.Collection(
            errors.Errors,
            e => Assert.Contains($"{plain}:1: '45.0.0.1\\x095': unexpected text after the entry (Plain format", e),
            e => Assert.Contains($"{ipsum}:1: '45.0.0.1': missing count", e),
            e => Assert.Contains($"{ipsum}:2: '45.0.0.2\\x09x': the text after the entry is neither a count", e));
    }

    [Fact]
    public void Load_MissingFile_IsAnErrorNamingTheKeyAndEveryFileIsStillRead()
    {
        var errors = new ConfigurationErrors();
        var good = _folder.Write("good.txt", "45.0.0.1\n");
        var bad = _folder.Write("bad.txt", "bad\n");
        var missing = Path.Combine(_folder.Root, "missing.netset");
        var database = ReputationDatabase.Load(
            Options(
                new ReputationListOptions { Name = "good", Path = good },
                new ReputationListOptions { Name = "missing", Path = missing },
                new ReputationListOptions { Name = "bad", Path = bad }),
            Paths,
            errors);
        Assert.False(database.IsLoaded);
        Assert.Collection(
            errors.Errors,
            e => Assert.Equal($"Protection:Reputation:Lists:1:Path: list file not found: {missing}", e),
            e => Assert.StartsWith($"Protection:Reputation:Lists:2:Path: {bad}:1: 'bad'", e));
    }

    [Fact]
    public void Load_MissingRelativePath_NamesTheConfiguredPathAndWhereItLooked()
    {
        var errors = new ConfigurationErrors();
        ReputationDatabase.Load(Options(new ReputationListOptions { Name = "gone", Path = "lists/gone.txt" }), Paths, errors);
        var expected = Path.Combine(_folder.Root, "lists", "gone.txt");
        Assert.Equal([$"Protection:Reputation:Lists:0:Path: list file 'lists/gone.txt' not found (looked for {expected})."], errors.Errors);
    }

    [Fact]
    public void Load_OptionalAndFileMissing_WarnsAndListsNothing()
    {
        var options = Options(new ReputationListOptions { Name = "missing", Path = Path.Combine(_folder.Root, "none.txt") });
        options.Optional = true;
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(options, Paths, errors);
        Assert.False(errors.HasErrors);
        Assert.Single(errors.Warnings);
        Assert.False(database.IsLoaded);
        Assert.Equal(ReputationMatch.None, database.Lookup(IPAddress.Parse("45.0.0.1")));
    }

    [Fact]
    public void Load_RelativePath_ResolvesAgainstTheContentRoot()
    {
        _folder.Write("relative.txt", "45.0.0.1\n");
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(Options(new ReputationListOptions { Name = "relative", Path = "relative.txt" }), Paths, errors);
        Assert.Empty(errors.Errors);
        Assert.True(database.Lookup(IPAddress.Parse("45.0.0.1")).IsListed);
    }

    [Fact]
    public void Load_NoLists_IsLoadedAndListsNothing()
    {
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(new ReputationOptions(), Paths, errors);
        Assert.Empty(errors.Errors);
        Assert.True(database.IsLoaded);
        Assert.False(database.Lookup(IPAddress.Parse("45.0.0.1")).IsListed);
    }

    private AssetPaths Paths => new(_folder.Root);

    private ReputationListOptions List(
        string name, string content, double weight = 0.5, ReputationListFormat format = ReputationListFormat.Auto, int minCount = 3) =>
        new() { Name = name, Path = _folder.Write(name + ".txt", content), Weight = weight, Format = format, MinCount = minCount };

    private static ReputationOptions Options(params ReputationListOptions[] lists) => new() { Lists = [.. lists] };

    private ReputationDatabase Load(params ReputationListOptions[] lists) => Load(Options(lists));

    private ReputationDatabase Load(ReputationOptions options)
    {
        var errors = new ConfigurationErrors();
        var database = ReputationDatabase.Load(options, Paths, errors);
        Assert.Empty(errors.Errors);
        Assert.True(database.IsLoaded);
        return database;
    }
}
