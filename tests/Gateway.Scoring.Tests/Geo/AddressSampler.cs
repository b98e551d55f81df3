using System.Buffers.Binary;
using System.Net;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// Addresses worth asking a database about: edges and special ranges, uniform random ones, and
/// the first, last, inner and neighbouring addresses of randomly chosen networks that have data
/// (found by walking the tree, since uniform IPv6 addresses almost never hit one).
/// </summary>
internal static class AddressSampler
{
    public static readonly string[] Edges =
    [
        "0.0.0.0", "255.255.255.255", "0.0.0.1", "255.255.255.254",
        "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.1", "127.0.0.1",
        "100.64.0.1", "169.254.1.1", "224.0.0.1", "240.0.0.1", "192.0.2.1",
        "8.8.8.8", "1.1.1.1", "9.9.9.9", "223.255.255.255", "1.0.0.0",
        "::", "::1", "::ffff:8.8.8.8", "::ffff:0.0.0.0", "::ffff:255.255.255.255", "::ffff:192.168.1.1", "::8.8.8.8",
        "2002::", "2002:808:808::1", "2002:c0a8:101::1", "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "2001:4860:4860::8888", "2606:4700:4700::1111", "2001::1", "2001:db8::1", "64:ff9b::808:808",
        "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2a00::1", "2c0f:ffff::1",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ];

    public static List<string> Sample(MmdbReader reader, int seed, int uniformV4 = 700, int uniformV6 = 400, int networks = 300)
    {
        var random = new Random(seed);
        var addresses = new List<string>(Edges);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < uniformV4; i++)
        {
            addresses.Add(Format((uint)random.NextInt64(0, 1L << 32), 32));
        }
        for (var i = 0; i < uniformV6; i++)
        {
            random.NextBytes(bytes);
            bytes[0] = (byte)(0x20 | (bytes[0] & 0x1F)); // 2000::/3, where addresses are allocated
            addresses.Add(new IPAddress(bytes).ToString());
        }
        var width = reader.Metadata.IpVersion == 6 ? 128 : 32;
        var max = width == 128 ? UInt128.MaxValue : uint.MaxValue;
        foreach (var (first, prefix) in SampleNetworks(reader, networks, random))
        {
            var hostMask = prefix == width ? UInt128.Zero : max >> prefix;
            var last = first | hostMask;
            var inside = first + (hostMask == 0 ? 0 : (UInt128)(ulong)random.NextInt64() % (hostMask + 1));
            addresses.Add(Format(first, width));
            addresses.Add(Format(last, width));
            addresses.Add(Format(inside, width));
            if (first != 0)
            {
                addresses.Add(Format(first - 1, width));
            }
            if (last != max)
            {
                addresses.Add(Format(last + 1, width));
            }
        }
        return addresses;
    }

    /// <param name="value">The address as a number of the tree's width (32 or 128 bits).</param>
    private static string Format(UInt128 value, int width)
    {
        if (width == 32)
        {
            return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)value)).ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>Reservoir sample of data-bearing networks: (first address, prefix length), in the tree's width.</summary>
    private static List<(UInt128 Start, int Prefix)> SampleNetworks(MmdbReader reader, int count, Random random)
    {
        var nodeCount = (int)reader.Metadata.NodeCount;
        var width = reader.Metadata.IpVersion == 6 ? 128 : 32;
        var sample = new List<(UInt128, int)>(count);
        var seen = 0L;
        var stack = new Stack<(int Node, int Depth, UInt128 Bits)>();
        stack.Push((0, 0, UInt128.Zero));
        while (stack.Count > 0)
        {
            var (node, depth, bits) = stack.Pop();
            for (var bit = 0; bit < 2; bit++)
            {
                var record = reader.ReadRecord(node, bit);
                var childBits = bits | ((UInt128)(uint)bit << (width - 1 - depth));
                if (record < nodeCount && depth + 1 < width)
                {
                    stack.Push((record, depth + 1, childBits));
                }
                else if (record > nodeCount)
                {
                    seen++;
                    var entry = (childBits, depth + 1);
                    if (sample.Count < count)
                    {
                        sample.Add(entry);
                    }
                    else if (random.NextInt64(seen) < count)
                    {
                        sample[random.Next(count)] = entry;
                    }
                }
            }
        }
        return sample;
    }
}
