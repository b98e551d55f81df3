using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Scoring.Addressing;

/// <summary>
/// One 128-bit key for every address family: IPv4 is stored IPv4-mapped (::ffff:a.b.c.d), so a
/// single sorted structure answers both families and an IPv4-mapped IPv6 peer matches IPv4 lists.
/// </summary>
internal static class IpAddressBits
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    public static UInt128 ToKey(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(bytes);
        }
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <param name="address">4 bytes (IPv4) or 16 (IPv6), network order.</param>
    public static UInt128 ToKey(ReadOnlySpan<byte> address) => address.Length == 4
        ? MappedPrefix | BinaryPrimitives.ReadUInt32BigEndian(address)
        : BinaryPrimitives.ReadUInt128BigEndian(address);

    public static bool IsIPv4Mapped(UInt128 key) => (key >> 32) == 0xFFFF;

    /// <summary>Range [first, last] of a prefix; an IPv4 prefix length is taken relative to 32 bits.</summary>
    public static (UInt128 First, UInt128 Last) Range(IPAddress network, int prefixLength)
    {
        var key = ToKey(network);
        var bits = network.AddressFamily == AddressFamily.InterNetwork ? 96 + prefixLength : prefixLength;
        var hostMask = bits >= 128 ? UInt128.Zero : UInt128.MaxValue >> bits;
        return (key & ~hostMask, key | hostMask);
    }
}
