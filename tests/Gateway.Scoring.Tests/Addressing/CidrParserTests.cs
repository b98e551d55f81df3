using System.Net;
using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Tests.Addressing;

public sealed class CidrParserTests
{
    [Theory]
    [InlineData("192.0.2.0/24", "192.0.2.0", "192.0.2.255")]
    [InlineData("192.0.2.7", "192.0.2.7", "192.0.2.7")]
    [InlineData("192.0.2.7/32", "192.0.2.7", "192.0.2.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    [InlineData("2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8::1", "2001:db8::1", "2001:db8::1")]
    [InlineData("::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("::ffff:192.0.2.0/120", "192.0.2.0", "192.0.2.255")]
    public void TryParse_ExactNetwork_IsValidWithItsRange(string text, string first, string last)
    {
        Assert.Equal(CidrParseResult.Valid, CidrParser.TryParse(text, out var range));
        Assert.Equal(new IpRange(Key(first), Key(last)), range);
    }

    [Theory]
    [InlineData("10.1.2.3/8", "10.0.0.0", "10.255.255.255")]
    [InlineData("192.0.2.129/25", "192.0.2.128", "192.0.2.255")]
    [InlineData("2001:db8::1/64", "2001:db8::", "2001:db8::ffff:ffff:ffff:ffff")]
    public void TryParse_HostBitsSet_GivesTheNetworkAndSaysSo(string text, string first, string last)
    {
        Assert.Equal(CidrParseResult.HostBitsSet, CidrParser.TryParse(text, out var range));
        Assert.Equal(new IpRange(Key(first), Key(last)), range);
    }

    [Theory]
    [InlineData("192.0.2.0/33")]
    [InlineData("2001:db8::/129")]
    [InlineData("192.0.2.0/")]
    [InlineData("192.0.2.0/-1")]
    [InlineData("192.0.2.0/+8")]
    [InlineData("192.0.2.0/08")]
    [InlineData("192.0.2.0/8/8")]
    [InlineData("192.0.2.0/ 8")]
    [InlineData("/8")]
    [InlineData("example.com/8")]
    [InlineData("192.0.2.0/1000")]
    public void TryParse_MalformedText_IsInvalid(string text)
    {
        Assert.Equal(CidrParseResult.Invalid, CidrParser.TryParse(text, out _));
    }

    private static UInt128 Key(string address) => IpAddressBits.ToKey(IPAddress.Parse(address));
}
