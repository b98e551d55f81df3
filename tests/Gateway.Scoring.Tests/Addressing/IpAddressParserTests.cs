using System.Net;
using Gateway.Scoring.Addressing;

namespace Gateway.Scoring.Tests.Addressing;

public sealed class IpAddressParserTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("192.0.2.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:DB8:0:0:0:0:0:1")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::192.0.2.1")]
    [InlineData("64:ff9b::192.0.2.1")]
    [InlineData("1:2:3:4:5:6:192.0.2.1")]
    [InlineData("fe80::1:2")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")]
    public void TryParse_ValidAddress_GivesTheKeyOfIPAddressParse(string text)
    {
        Assert.True(IpAddressParser.TryParse(text, out var key, out var isIPv4));
        var reference = IPAddress.Parse(text);
        Assert.Equal(IpAddressBits.ToKey(reference), key);
        Assert.Equal(reference.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork, isIPv4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData("1..2.3")]
    [InlineData("1234.1.1.1")]
    [InlineData("01.2.3.4")]        // leading zero: octal to inet_aton
    [InlineData("127.1")]           // inet_aton short form, accepted by IPAddress.Parse
    [InlineData("2130706433")]      // a number, accepted by IPAddress.Parse
    [InlineData("0x7f.0.0.1")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.4/32")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1:")]
    [InlineData(":1")]
    [InlineData("1:::2")]
    [InlineData("1::2::3")]
    [InlineData("12345::1")]
    [InlineData("g::1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1::2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7:192.0.2.1")]
    [InlineData("::192.0.2.1:1")]
    [InlineData("::1.2.3")]
    [InlineData("fe80::1%eth0")]    // zone id
    [InlineData("fe80::1%25")]
    [InlineData("[::1]")]
    [InlineData("::1\0")]
    [InlineData("1.2.3.4\0")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.2555")]
    public void TryParse_MalformedOrAmbiguousText_IsRejected(string text)
    {
        Assert.False(IpAddressParser.TryParse(text, out _, out _));
    }

    [Fact]
    public void TryParse_RandomAddressesInEveryTextForm_AgreeWithIPAddress()
    {
        var random = new Random(20260104);
        Span<byte> bytes = stackalloc byte[16];
        for (var n = 0; n < 20_000; n++)
        {
            random.NextBytes(bytes);
            // Runs of zero groups make the '::' forms likely.
            for (var g = 0; g < 8; g++)
            {
                if (random.Next(3) == 0)
                {
                    bytes[2 * g] = 0;
                    bytes[2 * g + 1] = 0;
                }
            }
            var address = n % 4 == 0 ? new IPAddress(bytes[..4]) : new IPAddress(bytes);
            foreach (var text in TextForms(address))
            {
                Assert.True(IpAddressParser.TryParse(text, out var key, out _), text);
                Assert.Equal(IpAddressBits.ToKey(address), key);
            }
        }
    }

    private static IEnumerable<string> TextForms(IPAddress address)
    {
        var canonical = address.ToString();
        yield return canonical;
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            yield return canonical.ToUpperInvariant();
            var bytes = address.GetAddressBytes();
            var groups = new string[8];
            for (var g = 0; g < 8; g++)
            {
                groups[g] = ((bytes[2 * g] << 8) | bytes[2 * g + 1]).ToString("x4");
            }
            yield return string.Join(':', groups);
            yield return string.Join(':', groups[..6]) + $":{bytes[12]}.{bytes[13]}.{bytes[14]}.{bytes[15]}";
        }
    }
}
