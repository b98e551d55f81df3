using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

public sealed class InternalHostTests
{
    [Theory]
    [InlineData("127.0.0.1", 0x7F000001u)]
    [InlineData("2130706433", 0x7F000001u)]
    [InlineData("0x7f000001", 0x7F000001u)]
    [InlineData("0177.0.0.1", 0x7F000001u)]
    [InlineData("127.1", 0x7F000001u)]
    [InlineData("127.0.1", 0x7F000001u)]
    [InlineData("0", 0u)]
    [InlineData("169.254.169.254", 0xA9FEA9FEu)]
    [InlineData("0xa9.0xfe.0xa9.0xfe", 0xA9FEA9FEu)]
    public void TryParseIPv4_InetAtonSpellings_GiveTheAddress(string host, uint expected)
    {
        Assert.True(InternalHost.TryParseIPv4(host, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("256.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.65536")]
    [InlineData("08.0.0.1")]
    [InlineData("0x")]
    [InlineData("www.example.com")]
    [InlineData("1..2")]
    [InlineData("")]
    [InlineData("4294967296")]
    public void TryParseIPv4_NotAnAddress_IsRejected(string host)
    {
        Assert.False(InternalHost.TryParseIPv4(host, out _));
    }

    [Theory]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("user:pass@10.0.0.5", true)]
    [InlineData("172.31.255.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("[::1]:80", true)]
    [InlineData("localhost", true)]
    [InlineData("api.localhost", true)]
    [InlineData("db.internal", true)]
    [InlineData("kubernetes.default.svc", true)]
    [InlineData("redis.prod.svc.cluster.local", true)]
    [InlineData("redis:6379", true)]
    [InlineData("intranet", true)]
    [InlineData("www.example.com", false)]
    [InlineData("{host}", false)]
    [InlineData("x", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("example.com@8.8.8.8", false)]
    [InlineData("", false)]
    [InlineData("@", false)]
    public void IsInternal_Authority_TellsInsideFromOutside(string authority, bool expected)
    {
        Assert.Equal(expected, InternalHost.IsInternal(authority));
    }

    [Theory]
    [InlineData("0xd83ad6ce", true)]
    [InlineData("3627734734", true)]
    [InlineData("0330.072.0326.0316", true)]
    [InlineData("127.1:8080", true)]
    [InlineData("user@0x7f000001", true)]
    [InlineData("216.58.214.206", false)]
    [InlineData("10.0.0.1:8080", false)]
    [InlineData("www.example.com", false)]
    [InlineData("1password.com", false)]
    [InlineData("[::1]", false)]
    public void IsObfuscatedAddress_OnlyNonDottedDecimalSpellings(string authority, bool expected)
    {
        Assert.Equal(expected, InternalHost.IsObfuscatedAddress(authority));
    }
}
