using System.Net;
using Gateway.LoadTests.Traffic;

namespace Gateway.LoadTests.Tests.Traffic;

public sealed class ClientAddressPoolTests
{
    [Fact]
    public void Create_SameSeed_SameAddresses()
    {
        var first = ClientAddressPool.Create(500, 42);
        var second = ClientAddressPool.Create(500, 42);
        var other = ClientAddressPool.Create(500, 43);

        Assert.Equal(Enumerable.Range(0, 500).Select(first.At), Enumerable.Range(0, 500).Select(second.At));
        Assert.NotEqual(Enumerable.Range(0, 500).Select(first.At), Enumerable.Range(0, 500).Select(other.At));
    }

    [Fact]
    public void Create_AddressesAreDistinctPublicIPv4()
    {
        var pool = ClientAddressPool.Create(20_000, 1);

        var addresses = Enumerable.Range(0, pool.Count).Select(pool.At).ToList();

        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        foreach (var text in addresses)
        {
            var address = IPAddress.Parse(text);
            var bytes = address.GetAddressBytes();
            Assert.Equal(4, bytes.Length);
            Assert.False(ClientAddressPool.IsSpecialPurpose((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])), text);
            Assert.False(IPAddress.IsLoopback(address), text);
        }
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.0", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("198.51.100.7", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("81.2.69.142", false)]
    public void IsSpecialPurpose_KnowsTheReservedRanges(string text, bool expected)
    {
        var bytes = IPAddress.Parse(text).GetAddressBytes();

        Assert.Equal(expected, ClientAddressPool.IsSpecialPurpose((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])));
    }

    [Fact]
    public void For_SpreadsRequestsOverTheWholePool()
    {
        var pool = ClientAddressPool.Create(100, 5);

        var perClient = Enumerable.Range(0, 100_000).GroupBy(i => pool.For(i)).Select(g => g.Count()).ToList();

        Assert.Equal(100, perClient.Count);
        Assert.InRange(perClient.Min(), 800, 1000);
        Assert.InRange(perClient.Max(), 1000, 1200);
    }
}
