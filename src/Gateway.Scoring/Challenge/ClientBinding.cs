using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// What tokens and clearances are bound to: a hash of the User-Agent and the client's network
/// (the address cut to a prefix). A cookie copied to another browser or another network is refused;
/// a phone that changes address within its carrier's prefix keeps it.
/// </summary>
internal sealed class ClientBinding(int ipv4PrefixLength, int ipv6PrefixLength)
{
    public const int Size = 16;
    private static readonly byte[] Domain = "gateway client binding v1"u8.ToArray();

    /// <summary>Writes the 16-byte binding of this user agent and address.</summary>
    public void Compute(string? userAgent, IPAddress? address, Span<byte> binding)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Domain);
        Span<byte> network = stackalloc byte[18];
        var length = Network(address, network);
        hash.AppendData(network[..length]);
        hash.AppendData(Encoding.UTF8.GetBytes(userAgent ?? ""));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        digest[..Size].CopyTo(binding);
    }

    /// <summary>Family, prefix length and the masked address; IPv4-mapped IPv6 counts as IPv4.</summary>
    internal int Network(IPAddress? address, Span<byte> destination)
    {
        if (address is null)
        {
            destination[0] = 0;
            return 1;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        var prefix = v4 ? ipv4PrefixLength : ipv6PrefixLength;
        destination[0] = v4 ? (byte)4 : (byte)6;
        destination[1] = (byte)prefix;
        var bytes = destination[2..];
        address.TryWriteBytes(bytes, out var written);
        Mask(bytes[..written], prefix);
        return 2 + written;
    }

    private static void Mask(Span<byte> bytes, int prefix)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
    }
}
