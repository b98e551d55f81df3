using System.Net;

namespace Gateway.LoadTests.Traffic;

/// <summary>
/// A fixed population of public IPv4 client addresses, drawn from a seeded generator so that every
/// run and every target sees the same clients. Special-purpose ranges are skipped: the gateway
/// exempts them from reputation and geo knows nothing about them, so they would not exercise
/// those lookups. Some drawn addresses may be on the bundled blocklists, as real clients can be.
/// </summary>
internal sealed class ClientAddressPool
{
    // (network, prefix length) of IPv4 special-purpose and unroutable ranges (RFC 6890 and friends).
    private static readonly (uint Network, int Prefix)[] Excluded =
    [
        (0x00000000, 8), (0x0A000000, 8), (0x64400000, 10), (0x7F000000, 8), (0xA9FE0000, 16),
        (0xAC100000, 12), (0xC0000000, 24), (0xC0000200, 24), (0xC0586300, 24), (0xC0A80000, 16),
        (0xC6120000, 15), (0xC6336400, 24), (0xCB007100, 24), (0xE0000000, 4), (0xF0000000, 4),
    ];

    private readonly string[] _addresses;
    private readonly ulong _salt;

    private ClientAddressPool(string[] addresses, ulong salt)
    {
        _addresses = addresses;
        _salt = salt;
    }

    public int Count => _addresses.Length;

    public static ClientAddressPool Create(int size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var addresses = new string[size];
        var seen = new HashSet<uint>();
        var state = seed;
        var filled = 0;
        while (filled < size)
        {
            state = DeterministicHash.Mix(state);
            var candidate = (uint)(state >> 32);
            if (IsSpecialPurpose(candidate) || !seen.Add(candidate))
            {
                continue;
            }
            addresses[filled++] = new IPAddress([(byte)(candidate >> 24), (byte)(candidate >> 16), (byte)(candidate >> 8), (byte)candidate]).ToString();
        }
        return new ClientAddressPool(addresses, seed);
    }

    public string At(int index) => _addresses[index];

    /// <summary>The client that sends request <paramref name="sequence"/>: spread evenly, so each
    /// client's own rate is the total rate divided by the pool size.</summary>
    public string For(long sequence) => _addresses[DeterministicHash.Pick(sequence, _salt, _addresses.Length)];

    internal static bool IsSpecialPurpose(uint address)
    {
        foreach (var (network, prefix) in Excluded)
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            if ((address & mask) == network)
            {
                return true;
            }
        }
        return false;
    }
}
