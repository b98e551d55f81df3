using System.Net;
using System.Net.Sockets;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// Builds small MaxMind DB files: a search tree over the given networks, a data section supplied
/// by the test, and metadata. Enough to cover record sizes, IPv4-only trees and corrupt files that
/// the real databases do not.
/// </summary>
internal sealed class MmdbTestFileBuilder(int ipVersion, int recordSize)
{
    private readonly List<(byte[] Network, int PrefixLength, int DataOffset)> _networks = [];
    private readonly List<(string Key, byte[] Value)> _extraMetadata = [];

    public List<byte> Data { get; } = [];

    public string DatabaseType { get; set; } = "Test-Database";

    /// <summary>Overrides or adds a metadata entry (e.g. a bad <c>record_size</c>).</summary>
    public MmdbTestFileBuilder Metadata(string key, byte[] value)
    {
        _extraMetadata.Add((key, value));
        return this;
    }

    /// <summary>Appends a value to the data section and returns its offset.</summary>
    public int AddData(byte[] value)
    {
        var offset = Data.Count;
        Data.AddRange(value);
        return offset;
    }

    /// <param name="cidr">e.g. <c>1.2.3.0/24</c>; IPv4 networks go under <c>::/96</c> of an IPv6 tree.</param>
    public MmdbTestFileBuilder Network(string cidr, int dataOffset)
    {
        var slash = cidr.IndexOf('/');
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..]);
        var bytes = address.GetAddressBytes();
        if (ipVersion == 6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes = [.. new byte[12], .. bytes];
            prefix += 96;
        }
        Assert.True(ipVersion == 6 || bytes.Length == 4, "IPv6 network in an IPv4 tree");
        _networks.Add((bytes, prefix, dataOffset));
        return this;
    }

    public byte[] Build()
    {
        // Children: >= 0 node index, -1 empty, -2 - offset data.
        var nodes = new List<int[]> { new[] { -1, -1 } };
        foreach (var (network, prefix, dataOffset) in _networks)
        {
            var node = 0;
            for (var i = 0; i < prefix; i++)
            {
                var bit = (network[i >> 3] >> (7 - (i & 7))) & 1;
                if (i == prefix - 1)
                {
                    Assert.True(nodes[node][bit] == -1, "overlapping test networks");
                    nodes[node][bit] = -2 - dataOffset;
                    break;
                }
                if (nodes[node][bit] == -1)
                {
                    nodes.Add([-1, -1]);
                    nodes[node][bit] = nodes.Count - 1;
                }
                Assert.True(nodes[node][bit] >= 0, "network nested inside another test network");
                node = nodes[node][bit];
            }
        }
        var nodeCount = nodes.Count;
        var file = new List<byte>();
        foreach (var children in nodes)
        {
            var records = children.Select(c => c >= 0 ? (uint)c : c == -1 ? (uint)nodeCount : (uint)(nodeCount + 16 + (-2 - c))).ToArray();
            file.AddRange(EncodeNode(records[0], records[1]));
        }
        file.AddRange(new byte[16]);
        file.AddRange(Data);
        file.AddRange([0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8.ToArray()]);
        file.AddRange(MetadataMap((uint)nodeCount));
        return [.. file];
    }

    private byte[] EncodeNode(uint left, uint right) => recordSize switch
    {
        24 => [(byte)(left >> 16), (byte)(left >> 8), (byte)left, (byte)(right >> 16), (byte)(right >> 8), (byte)right],
        28 => [(byte)(left >> 16), (byte)(left >> 8), (byte)left, (byte)(((left >> 20) & 0xF0) | ((right >> 24) & 0x0F)), (byte)(right >> 16), (byte)(right >> 8), (byte)right],
        32 => [(byte)(left >> 24), (byte)(left >> 16), (byte)(left >> 8), (byte)left, (byte)(right >> 24), (byte)(right >> 16), (byte)(right >> 8), (byte)right],
        _ => throw new ArgumentException("record size"),
    };

    private byte[] MetadataMap(uint nodeCount)
    {
        var entries = new List<(string Key, byte[] Value)>
        {
            ("binary_format_major_version", MmdbTestEncoder.UInt16(2)),
            ("binary_format_minor_version", MmdbTestEncoder.UInt16(0)),
            ("build_epoch", MmdbTestEncoder.UInt64(1_700_000_000)),
            ("database_type", MmdbTestEncoder.String(DatabaseType)),
            ("description", MmdbTestEncoder.Map(("en", MmdbTestEncoder.String("Test database")))),
            ("ip_version", MmdbTestEncoder.UInt16((ushort)ipVersion)),
            ("languages", MmdbTestEncoder.Array(MmdbTestEncoder.String("en"))),
            ("node_count", MmdbTestEncoder.UInt32(nodeCount)),
            ("record_size", MmdbTestEncoder.UInt16((ushort)recordSize)),
        };
        foreach (var (key, value) in _extraMetadata)
        {
            entries.RemoveAll(e => e.Key == key);
            if (value.Length > 0)
            {
                entries.Add((key, value));
            }
        }
        return MmdbTestEncoder.Map([.. entries]);
    }
}
