using System.Net;

namespace Gateway.Benchmarks;

/// <summary>Client populations for the benchmarks: many distinct public addresses, so caches and
/// per-client state see realistic spread rather than one hot entry.</summary>
internal static class ClientAddresses
{
    /// <summary>Deterministic pseudo-random public IPv4 addresses (the low /8s and private ranges skipped).</summary>
    public static string[] PublicIPv4(int count, int seed)
    {
        var random = new Random(seed);
        var addresses = new string[count];
        for (var i = 0; i < count; i++)
        {
            int first;
            do
            {
                first = random.Next(1, 224);
            }
            while (first is 10 or 100 or 127 or 169 or 172 or 192 or 198 or 203);
            addresses[i] = new IPAddress([(byte)first, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(1, 255)]).ToString();
        }
        return addresses;
    }
}
