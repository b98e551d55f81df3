using System.Net;
using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Tests.Addressing;

public sealed class IpRangeSetTests
{
    [Fact]
    public void Create_OverlappingAndAdjacentRanges_AreMerged()
    {
        var set = IpRangeSet.Create([Range("10.0.0.0/24"), Range("10.0.1.0/24"), Range("10.0.0.128/25"), Range("10.0.3.0/24")]);
        Assert.Equal([Range("10.0.0.0/23"), Range("10.0.3.0/24")], set.Ranges.ToArray());
    }

    [Theory]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.0.1.255", true)]
    [InlineData("10.0.2.0", false)]
    [InlineData("9.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fffe::", false)]
    public void Contains_AnswersForEdges(string address, bool expected)
    {
        var set = IpRangeSet.Create([Range("10.0.0.0/23"), Range("ffff::/16")]);
        Assert.Equal(expected, set.Contains(IpAddressBits.ToKey(IPAddress.Parse(address))));
    }

    [Fact]
    public void Overlaps_RangeTouchingOnlyAtTheEdge_Overlaps()
    {
        var set = IpRangeSet.Create([Range("10.0.1.0/24")]);
        Assert.True(set.Overlaps(Range("10.0.0.0/16")));
        Assert.True(set.Overlaps(Range("10.0.1.255")));
        Assert.False(set.Overlaps(Range("10.0.2.0/24")));
        Assert.False(set.Overlaps(Range("10.0.0.0/24")));
    }

    private static IpRange Range(string cidr)
    {
        Assert.Equal(CidrParseResult.Valid, CidrParser.TryParse(cidr, out var range));
        return range;
    }
}
