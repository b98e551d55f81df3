using System.Net;
using Gateway.Scoring.Addressing;
using Gateway.Scoring.Geo;

namespace Gateway.Scoring.Tests.Addressing;

public sealed class AddressAnswerCacheTests
{
    private static readonly GeoInfo Google = new("US", 15169, "Google LLC");
    private static readonly GeoInfo Cloudflare = new("AU", 13335, "Cloudflare, Inc.");

    [Fact]
    public void TryGet_AfterSet_ReturnsThatAnswer()
    {
        var cache = new AddressAnswerCache<GeoInfo>();
        var key = KeyOf("8.8.8.8");

        cache.Set(key, Google);

        Assert.True(cache.TryGet(key, out var info));
        Assert.Equal(Google, info);
    }

    [Fact]
    public void TryGet_AnAddressNeverSet_Misses()
    {
        var cache = new AddressAnswerCache<GeoInfo>();
        cache.Set(KeyOf("8.8.8.8"), Google);

        Assert.False(cache.TryGet(KeyOf("8.8.4.4"), out var info));
        Assert.Equal(GeoInfo.Unknown, info);
    }

    [Fact]
    public void Set_OnAnOccupiedSlot_EvictsTheOlderAddressWithoutLendingItTheNewAnswer()
    {
        var cache = new AddressAnswerCache<GeoInfo>(slotBits: 0); // one slot: every address collides

        cache.Set(KeyOf("8.8.8.8"), Google);
        cache.Set(KeyOf("1.1.1.1"), Cloudflare);

        Assert.False(cache.TryGet(KeyOf("8.8.8.8"), out _));
        Assert.True(cache.TryGet(KeyOf("1.1.1.1"), out var info));
        Assert.Equal(Cloudflare, info);
    }

    [Fact]
    public void Keys_OfAnIPv4AddressAndOfTheIPv6AddressWithTheSameLowBits_Differ()
    {
        // ::808:808 is the deprecated IPv4-compatible form: a different address from 8.8.8.8.
        Assert.NotEqual(KeyOf("8.8.8.8"), KeyOf("::808:808"));
        Assert.Equal(KeyOf("8.8.8.8"), KeyOf("::ffff:8.8.8.8"));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("2001:db8::1")]
    public void ToKey_FromBytes_EqualsTheKeyOfTheAddress(string address)
    {
        var ip = IPAddress.Parse(address);
        var bytes = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().GetAddressBytes() : ip.GetAddressBytes();

        Assert.Equal(IpAddressBits.ToKey(ip), IpAddressBits.ToKey(bytes));
    }

    private static UInt128 KeyOf(string address) => IpAddressBits.ToKey(IPAddress.Parse(address));
}
