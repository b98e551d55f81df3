using System.Net;
using Gateway.Scoring.ClientIp;
using Gateway.Scoring.Configuration;
using Microsoft.Extensions.Primitives;

namespace Gateway.Scoring.Tests.ClientIp;

public sealed class ClientIpResolverTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.4");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.200");

    [Fact]
    public void Resolve_UntrustedPeer_IgnoresEveryHeader()
    {
        var result = Resolver().Resolve(Stranger, "203.0.113.7", "for=203.0.113.8");
        Assert.Equal(new ClientIpResolution(Stranger, false, false), result);
    }

    [Fact]
    public void Resolve_UntrustedPeerWithMalformedHeader_IsNotCountedAsRejected()
    {
        Assert.False(Resolver().Resolve(Stranger, "garbage", default).RejectedMalformedHeader);
    }

    [Fact]
    public void Resolve_TrustedPeerWithoutHeaders_IsTheClient()
    {
        Assert.Equal(new ClientIpResolution(Proxy, false, false), Resolver().Resolve(Proxy, default, default));
        Assert.Equal(new ClientIpResolution(Proxy, false, false), Resolver().Resolve(Proxy, "", StringValues.Empty));
    }

    [Fact]
    public void Resolve_LoopbackPeerByDefault_IsTrusted()
    {
        var resolver = ClientIpResolver.Create(new ClientIpOptions(), new ConfigurationErrors());
        Assert.Equal(Ip("203.0.113.7"), resolver.Resolve(IPAddress.Loopback, "203.0.113.7", default).Address);
        Assert.Equal(Ip("203.0.113.7"), resolver.Resolve(Ip("127.8.9.10"), "203.0.113.7", default).Address);
        Assert.Equal(Ip("203.0.113.7"), resolver.Resolve(IPAddress.IPv6Loopback, "203.0.113.7", default).Address);
        Assert.Equal(Ip("203.0.113.7"), resolver.Resolve(Ip("::ffff:127.0.0.1"), "203.0.113.7", default).Address);
        Assert.Equal(Ip("10.0.0.4"), resolver.Resolve(Proxy, "203.0.113.7", default).Address);
    }

    [Fact]
    public void Resolve_LoopbackTrustSwitchedOff_IgnoresLoopbackPeersHeaders()
    {
        var resolver = ClientIpResolver.Create(new ClientIpOptions { TrustLoopback = false }, new ConfigurationErrors());
        Assert.Equal(IPAddress.Loopback, resolver.Resolve(IPAddress.Loopback, "203.0.113.7", default).Address);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:8080", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("[::ffff:203.0.113.9]:1", "203.0.113.9")]
    [InlineData("198.51.100.1, 10.0.0.2, 10.0.0.3", "198.51.100.1")]
    [InlineData("1.1.1.1, 198.51.100.1, 10.0.0.2", "198.51.100.1")]       // the client's own forgery is left of it
    [InlineData("10.0.0.66, 198.51.100.1,10.0.0.2", "198.51.100.1")]      // a forged trusted address does not help
    [InlineData("198.51.100.1,,, ,10.0.0.2,", "198.51.100.1")]            // empty list elements are ignored
    public void Resolve_XForwardedForFromTrustedPeer_FindsTheFirstUntrustedHopFromTheRight(string header, string client)
    {
        Assert.Equal(new ClientIpResolution(Ip(client), true, false), Resolver().Resolve(Proxy, header, default));
    }

    [Fact]
    public void Resolve_EveryHopTrusted_GivesTheLeftmost()
    {
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.1"), true, false), Resolver().Resolve(Proxy, "10.0.0.1, 10.0.0.2", default));
    }

    [Fact]
    public void Resolve_SeveralHeaderLines_AreOneListInOrder()
    {
        var lines = new StringValues(["1.1.1.1, 198.51.100.1", "10.0.0.2", "10.0.0.3"]);
        Assert.Equal(Ip("198.51.100.1"), Resolver().Resolve(Proxy, lines, default).Address);
        var forwarded = new StringValues(["for=198.51.100.9", "for=10.0.0.2;proto=https"]);
        Assert.Equal(Ip("198.51.100.9"), Resolver().Resolve(Proxy, default, forwarded).Address);
    }

    [Theory]
    [InlineData("garbage", null)]
    [InlineData("198.51.100.1, garbage", null)]
    [InlineData("198.51.100.1, garbage, 10.0.0.2", "10.0.0.2")]
    [InlineData("198.51.100.1, 10.0.0.2, 300.1.1.1", null)]
    [InlineData("fe80::1%eth0", null)]                 // zone ids are not client addresses
    [InlineData("[fe80::1%25eth0]:80", null)]
    [InlineData("127.1", null)]                        // inet_aton shorthand
    [InlineData("203.0.113.7:99999", null)]
    [InlineData("203.0.113.7:", null)]
    [InlineData(":80", null)]
    [InlineData("[203.0.113.7]", null)]
    [InlineData("[2001:db8::1", null)]
    [InlineData("[2001:db8::1]x", null)]
    [InlineData("203.0.113.7\0", null)]
    [InlineData("for=203.0.113.7", null)]              // a Forwarded value in X-Forwarded-For
    public void Resolve_MalformedHopFromTrustedPeer_StopsAtTheLastGoodHopAndSaysRejected(string header, string? lastGood)
    {
        var result = Resolver().Resolve(Proxy, header, default);
        Assert.Equal(new ClientIpResolution(lastGood is null ? Proxy : Ip(lastGood), lastGood is not null, true), result);
    }

    [Theory]
    [InlineData("unknown", null)]
    [InlineData("198.51.100.1, unknown, 10.0.0.2", "10.0.0.2")]
    [InlineData("_hidden", null)]
    [InlineData("unknown:8080", null)]
    public void Resolve_ObfuscatedHop_StopsAtTheLastGoodHopWithoutRejecting(string header, string? lastGood)
    {
        var result = Resolver().Resolve(Proxy, header, default);
        Assert.Equal(new ClientIpResolution(lastGood is null ? Proxy : Ip(lastGood), lastGood is not null, false), result);
    }

    [Theory]
    [InlineData("for=192.0.2.60;proto=http;by=203.0.113.43", "192.0.2.60")]
    [InlineData("For=\"192.0.2.60:80\"", "192.0.2.60")]
    [InlineData("for=\"[2001:db8:cafe::17]:4711\"", "2001:db8:cafe::17")]
    [InlineData("for=\"[2001:db8:cafe::17]\"", "2001:db8:cafe::17")]
    [InlineData("for=[2001:db8:cafe::17]", "2001:db8:cafe::17")]
    [InlineData("for=\"\\[2001:db8:cafe::17\\]\"", "2001:db8:cafe::17")]  // quoted-pair escapes
    [InlineData("proto=https; for=192.0.2.60 ;;host=example.com", "192.0.2.60")]
    [InlineData("for=192.0.2.60;ext=\"a, b; c\", for=10.0.0.2", "192.0.2.60")] // commas inside quotes
    [InlineData("for=198.51.100.1, for=\"_gazonk\"", "10.0.0.4")]
    [InlineData("for=198.51.100.1, for=10.0.0.2;by=_proxy", "198.51.100.1")]
    public void Resolve_ForwardedFromTrustedPeer_ReadsTheForParameter(string header, string client)
    {
        var result = Resolver().Resolve(Proxy, default, header);
        Assert.Equal(Ip(client), result.Address);
        Assert.False(result.RejectedMalformedHeader);
    }

    [Theory]
    [InlineData("proto=https")]                        // no for: the hop cannot be identified
    [InlineData("for=192.0.2.60;for=192.0.2.61")]      // twice
    [InlineData("for=\"192.0.2.60")]                   // unterminated quote
    [InlineData("for=\"192.0.2.60\\")]
    [InlineData("for=")]
    [InlineData("for =192.0.2.60")]
    [InlineData("for=192.0.2.60 junk")]
    [InlineData("=192.0.2.60")]
    [InlineData("for=\"192.0.2.60,10.0.0.2\"")]
    [InlineData("for=\"1111111111111111111111111111111111111111111111111111111111111111111111.1.1.1\"")]
    public void Resolve_MalformedForwardedElement_IsRejected(string header)
    {
        var result = Resolver().Resolve(Proxy, default, header);
        Assert.Equal(new ClientIpResolution(Proxy, false, true), result);
    }

    [Fact]
    public void Resolve_ForwardedObfuscatedFor_StopsWithoutRejecting()
    {
        Assert.Equal(new ClientIpResolution(Proxy, false, false), Resolver().Resolve(Proxy, default, "for=unknown"));
        Assert.Equal(new ClientIpResolution(Proxy, false, false), Resolver().Resolve(Proxy, default, "for=\"_hidden:_port\""));
    }

    [Fact]
    public void Resolve_BothHeaders_PrefersXForwardedForUnlessConfiguredOtherwise()
    {
        Assert.Equal(Ip("198.51.100.1"), Resolver().Resolve(Proxy, "198.51.100.1", "for=198.51.100.2").Address);
        Assert.Equal(Ip("198.51.100.2"), Resolver().Resolve(Proxy, default, "for=198.51.100.2").Address);
        Assert.Equal(Ip("198.51.100.2"), Resolver(ForwardingHeaders.Forwarded).Resolve(Proxy, "198.51.100.1", "for=198.51.100.2").Address);
        Assert.Equal(Proxy, Resolver(ForwardingHeaders.Forwarded).Resolve(Proxy, "198.51.100.1", default).Address);
        Assert.Equal(Proxy, Resolver(ForwardingHeaders.None).Resolve(Proxy, "198.51.100.1", "for=198.51.100.2").Address);
        Assert.Equal(Ip("198.51.100.1"), Resolver(ForwardingHeaders.XForwardedFor).Resolve(Proxy, "198.51.100.1", "for=198.51.100.2").Address);
    }

    [Fact]
    public void Resolve_IPv4MappedPeer_IsGivenAsIPv4()
    {
        Assert.Equal(new ClientIpResolution(Stranger, false, false), Resolver().Resolve(Stranger.MapToIPv6(), "203.0.113.7", default));
        Assert.Equal(Ip("203.0.113.7"), Resolver().Resolve(Proxy.MapToIPv6(), "203.0.113.7", default).Address);
    }

    [Fact]
    public void Resolve_NoPeerAddress_GivesTheUnspecifiedAddress()
    {
        Assert.Equal(new ClientIpResolution(IPAddress.Any, false, false), Resolver().Resolve(null, "203.0.113.7", default));
    }

    [Fact]
    public void Resolve_TrustedChainUpToTheLimit_GivesTheLeftmostAndBeyondItRejects()
    {
        var resolver = ClientIpResolver.Create(
            new ClientIpOptions { TrustedProxies = ["10.0.0.0/8"], MaxForwardedEntries = 4 }, new ConfigurationErrors());
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.1"), true, false), resolver.Resolve(Proxy, "10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4", default));
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.1"), true, true), resolver.Resolve(Proxy, "10.0.0.0, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4", default));
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.1"), true, true), resolver.Resolve(Proxy, new StringValues(["10.0.0.0", "10.0.0.1, 10.0.0.2", "10.0.0.3, 10.0.0.4"]), default));
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.1"), true, false), resolver.Resolve(Proxy, new StringValues(["", "10.0.0.1, 10.0.0.2", "10.0.0.3, 10.0.0.4"]), default));
        Assert.Equal(Ip("198.51.100.1"), resolver.Resolve(Proxy, "10.0.0.0, 10.0.0.1, 10.0.0.2, 198.51.100.1, 10.0.0.4", default).Address);
    }

    [Fact]
    public void Resolve_HugeHeaderOfCommasAndTrustedHops_StaysBoundedAndRejects()
    {
        var commas = new string(',', 200_000) + "198.51.100.1" + new string(',', 200_000);
        Assert.Equal(new ClientIpResolution(Ip("198.51.100.1"), true, false), Resolver().Resolve(Proxy, commas, default));

        var trustedFlood = string.Join(",", Enumerable.Repeat("10.0.0.9", 50_000));
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.9"), true, true), Resolver().Resolve(Proxy, trustedFlood, default));

        var lines = new StringValues([.. Enumerable.Repeat("10.0.0.9", 10_000)]);
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.9"), true, true), Resolver().Resolve(Proxy, default, lines.ToString().Replace("10.", "for=10.", StringComparison.Ordinal)));
        Assert.Equal(new ClientIpResolution(Ip("10.0.0.9"), true, true), Resolver().Resolve(Proxy, lines, default));
    }

    [Fact]
    public void Resolve_RandomHostileInput_NeverThrowsAndAnswersFromThePeerOrAHeaderHop()
    {
        const string alphabet = "0123456789abcdefABCDEF.:,;=\"\\[]_% \t\0\u00e9\ud800\uffff-forFORunknown";
        var random = new Random(7239);
        var resolver = Resolver();
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            var header = new string(chars);
            var xff = resolver.Resolve(Proxy, header, default);
            var forwarded = resolver.Resolve(Proxy, default, header);
            Assert.True(xff.FromForwardingHeader || xff.Address.Equals(Proxy), header);
            Assert.True(forwarded.FromForwardingHeader || forwarded.Address.Equals(Proxy), header);
        }
    }

    private static ClientIpResolver Resolver(ForwardingHeaders headers = ForwardingHeaders.XForwardedFor | ForwardingHeaders.Forwarded)
    {
        var errors = new ConfigurationErrors();
        var resolver = ClientIpResolver.Create(new ClientIpOptions { TrustedProxies = ["10.0.0.0/8"], Headers = headers }, errors);
        Assert.Empty(errors.Errors);
        return resolver;
    }

    private static IPAddress Ip(string text) => IPAddress.Parse(text);
}
