using System.Net;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>Seeded mutations of small valid files: opening, decoding and looking up never fail with anything but a format error.</summary>
public sealed class MmdbFuzzTests
{
    [Theory]
    [InlineData(6, 24)]
    [InlineData(6, 28)]
    [InlineData(4, 32)]
    public void OpenDecodeAndFind_MutatedFile_OnlyEverFailWithFormatErrors(int ipVersion, int recordSize)
    {
        var original = SyntheticDatabases.EveryType(ipVersion, recordSize, farData: false, compact: true);
        var random = new Random(ipVersion * 100 + recordSize);
        var addresses = SyntheticDatabases.ProbeAddresses.Select(a => IPAddress.Parse(a).GetAddressBytes()).ToArray();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var bytes = Mutate(original, random);
            try
            {
                var reader = MmdbReader.FromBytes(bytes, "fuzz.mmdb");
                var database = GeoDatabase.FromReader(reader, s => s);
                foreach (var address in addresses)
                {
                    database.Lookup(address);
                }
                accepted++;
            }
            catch (MmdbFormatException error)
            {
                Assert.Equal("fuzz.mmdb", error.FilePath);
                rejected++;
            }
        }
        Assert.True(accepted > 100 && rejected > 100, $"mutations too mild or too harsh: {accepted} accepted, {rejected} rejected");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                return original[..random.Next(original.Length)];
            case 1:
            {
                // Damage near the end, where the data section and metadata are.
                var bytes = (byte[])original.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(Math.Max(0, bytes.Length - 600), bytes.Length)] = (byte)random.Next(256);
                }
                return bytes;
            }
            default:
            {
                var bytes = (byte[])original.Clone();
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                return bytes;
            }
        }
    }
}
