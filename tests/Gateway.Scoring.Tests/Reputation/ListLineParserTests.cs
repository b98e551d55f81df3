using Gateway.Scoring.Reputation;

namespace Gateway.Scoring.Tests.Reputation;

public sealed class ListLineParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("# comment")]
    [InlineData("  ; comment")]
    public void Parse_BlankOrComment_IsBlank(string line)
    {
        Assert.Equal(ListLineKind.Blank, ListLineParser.Parse(line, ReputationListFormat.Auto).Kind);
    }

    [Theory]
    [InlineData("192.0.2.0/24", ReputationListFormat.Plain, -1)]
    [InlineData(" 192.0.2.1 ", ReputationListFormat.Plain, -1)]
    [InlineData("192.0.2.0/24 ; SBL123", ReputationListFormat.Plain, -1)]
    [InlineData("2001:db8::/32 # v6", ReputationListFormat.Auto, -1)]
    [InlineData("192.0.2.1\t7", ReputationListFormat.Ipsum, 7)]
    [InlineData("192.0.2.1   7   # spaces", ReputationListFormat.Auto, 7)]
    [InlineData("192.0.2.1\t0", ReputationListFormat.Auto, 0)]
    public void Parse_Entry_GivesRangeAndCount(string line, ReputationListFormat format, int count)
    {
        var parsed = ListLineParser.Parse(line, format);
        Assert.Equal(ListLineKind.Entry, parsed.Kind);
        Assert.Equal(count, parsed.Count);
    }

    [Theory]
    [InlineData("192.0.2.1 7", ReputationListFormat.Plain)]
    [InlineData("192.0.2.1", ReputationListFormat.Ipsum)]
    [InlineData("192.0.2.1\t-1", ReputationListFormat.Auto)]
    [InlineData("192.0.2.1\t1234567890", ReputationListFormat.Auto)]
    [InlineData("192.0.2.1\t7\t8", ReputationListFormat.Auto)]
    [InlineData("192.0.2.1#nospace", ReputationListFormat.Auto)]
    [InlineData("192.0.2.1 junk", ReputationListFormat.Auto)]
    [InlineData("192.0.2.1,192.0.2.2", ReputationListFormat.Auto)]
    [InlineData("- 192.0.2.1", ReputationListFormat.Auto)]
    public void Parse_Malformed_SaysWhy(string line, ReputationListFormat format)
    {
        var parsed = ListLineParser.Parse(line, format);
        Assert.Equal(ListLineKind.Malformed, parsed.Kind);
        Assert.False(string.IsNullOrEmpty(parsed.Error));
    }
}
