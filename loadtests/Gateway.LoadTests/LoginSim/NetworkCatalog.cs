using System.Buffers.Binary;
using System.Net;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Reputation;

namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// Real address blocks for simulated actors: a seeded sample of IPv4 /24 blocks looked up in the
/// gateway's bundled GeoIP ASN and country databases, grouped by the ASNs of <see cref="KnownNetworks"/>.
/// Addresses on the bundled blocklists are skipped, so that the simulation measures the login
/// defence rather than the reputation signal.
/// </summary>
internal sealed class NetworkCatalog
{
    private readonly Dictionary<uint, List<uint>> _blocks = [];
    private readonly IGeoLookup _geo;
    private readonly IReputationLookup _reputation;

    private NetworkCatalog(IGeoLookup geo, IReputationLookup reputation)
    {
        _geo = geo;
        _reputation = reputation;
    }

    public static NetworkCatalog Build(IGeoLookup geo, IReputationLookup reputation, int seed, int samples)
    {
        var wanted = new HashSet<uint>([.. KnownNetworks.Residential, .. KnownNetworks.Mobile, .. KnownNetworks.Hosting]);
        var catalog = new NetworkCatalog(geo, reputation);
        var random = new Random(seed ^ 0x5EED);
        for (var i = 0; i < samples; i++)
        {
            // Public unicast space only: 1.0.0.0 - 223.255.255.255.
            var block = (uint)random.Next(1 << 8, 224 << 16) << 8;
            var asn = geo.Lookup(Address(block | 1)).Asn;
            if (asn != 0 && wanted.Contains(asn))
            {
                if (!catalog._blocks.TryGetValue(asn, out var list))
                {
                    catalog._blocks[asn] = list = [];
                }
                list.Add(block);
            }
        }
        foreach (var list in catalog._blocks.Values)
        {
            list.Sort();
        }
        return catalog;
    }

    /// <summary>The ASNs of <paramref name="candidates"/> with at least <paramref name="minimumBlocks"/> blocks found, in the given order.</summary>
    public IReadOnlyList<uint> Available(IEnumerable<uint> candidates, int minimumBlocks = 2) =>
        [.. candidates.Where(asn => _blocks.TryGetValue(asn, out var b) && b.Count >= minimumBlocks)];

    public IReadOnlyList<uint> Blocks(uint asn) => _blocks.TryGetValue(asn, out var list) ? list : [];

    /// <summary>A host in the block that is in the same ASN and on no blocklist; null when none was found in a few tries.</summary>
    public IPAddress? Host(uint block, uint asn, Random random)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var address = Address(block | (uint)random.Next(1, 255));
            if (_geo.Lookup(address).Asn == asn && !_reputation.Lookup(address).IsListed)
            {
                return address;
            }
        }
        return null;
    }

    public GeoInfo Describe(IPAddress address) => _geo.Lookup(address);

    internal static IPAddress Address(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
