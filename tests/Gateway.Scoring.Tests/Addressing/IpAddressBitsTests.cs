using System.Net;
using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Tests.Addressing;

public sealed class IpAddressBitsTests
{
    [Fact]
    public void ToKey_IPv4AndItsMappedIPv6Form_GiveTheSameKey()
    {
        var v4 = IpAddressBits.ToKey(IPAddress.Parse("192.0.2.7"));
        var mapped = IpAddressBits.ToKey(IPAddress.Parse("::ffff:192.0.2.7"));
        Assert.Equal(v4, mapped);
        Assert.True(IpAddressBits.IsIPv4Mapped(v4));
    }

    [Theory]
    [InlineData("10.1.2.3", 8, "10.0.0.0", "10.255.255.255")]
    [InlineData("192.0.2.9", 32, "192.0.2.9", "192.0.2.9")]
    [InlineData("0.0.0.0", 0, "0.0.0.0", "255.255.255.255")]
    [InlineData("2001:db8::5", 32, "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Range_CoversExactlyThePrefix(string network, int prefix, string first, string last)
    {
        var (lo, hi) = IpAddressBits.Range(IPAddress.Parse(network), prefix);
        Assert.Equal(IpAddressBits.ToKey(IPAddress.Parse(first)), lo);
        Assert.Equal(IpAddressBits.ToKey(IPAddress.Parse(last)), hi);
    }
}
