namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>
/// A compact reader of the MaxMind DB format, version 2 (record sizes 24, 28 and 32 bits).
/// </summary>
/// <remarks>
/// This folder exists only because the <c>MaxMind.Db</c> package is not available in the package
/// registry this project builds from; with it, this reader would be replaced by that package.
/// <para>
/// The whole file is held in memory and checked once when opened: the metadata, and every record
/// of the search tree (each points at a node, at "no data" or inside the data section). After
/// that, <see cref="Find"/> cannot read out of bounds, never throws for data reasons and does not
/// allocate. Data records are decoded with <see cref="Decode"/>, which checks them as it goes;
/// <see cref="DataOffsets"/> lists every record the tree refers to so that callers can decode
/// them all once, at load.
/// </para>
/// </remarks>
internal sealed class MmdbReader
{
    /// <summary>The data section starts after the tree and 16 zero bytes.</summary>
    private const int DataSectionSeparatorSize = 16;

    private readonly byte[] _file;
    private readonly int _nodeCount;
    private readonly int _recordSize;
    private readonly int _ipv4StartNode;
    private readonly int _ipv4StartBits;
    private readonly MmdbDataDecoder _data;

    private MmdbReader(byte[] file, string filePath)
    {
        FilePath = filePath;
        if (file.Length == 0)
        {
            throw new MmdbFormatException(filePath, "file is empty");
        }
        _file = file;
        var (metadata, markerOffset) = MmdbMetadataParser.Parse(file, filePath);
        Metadata = metadata;
        _recordSize = metadata.RecordSize;
        var treeSize = (long)metadata.NodeCount * _recordSize / 4;
        if (treeSize + DataSectionSeparatorSize > markerOffset)
        {
            throw new MmdbFormatException(filePath,
                $"search tree of {metadata.NodeCount} nodes ({treeSize} bytes) does not fit before the metadata at byte {markerOffset} (truncated?)");
        }
        _nodeCount = (int)metadata.NodeCount;
        var dataStart = (int)treeSize + DataSectionSeparatorSize;
        _data = new MmdbDataDecoder(file, dataStart, markerOffset - dataStart, filePath, "data section");
        DataOffsets = ValidateTreeAndCollectDataOffsets();
        (_ipv4StartNode, _ipv4StartBits) = FindIPv4Start();
    }

    public string FilePath { get; }

    public MmdbMetadata Metadata { get; }

    /// <summary>Size of the whole database in memory, in bytes.</summary>
    public int SizeInBytes => _file.Length;

    /// <summary>Every distinct data-section offset the search tree points at, ascending.</summary>
    public IReadOnlyList<int> DataOffsets { get; }

    /// <summary>Reads and checks a <c>.mmdb</c> or <c>.mmdb.gz</c> file.</summary>
    /// <exception cref="MmdbFormatException">The file is missing, unreadable, too large or corrupt.</exception>
    public static MmdbReader Open(string path, long maxBytes = MmdbFileLoader.DefaultMaxBytes) =>
        new(MmdbFileLoader.ReadAll(path, maxBytes), path);

    /// <param name="filePath">Named in errors.</param>
    public static MmdbReader FromBytes(byte[] file, string filePath) => new(file, filePath);

    /// <summary>Finds the record of an address given as 4 (IPv4) or 16 (IPv6) network-order bytes.</summary>
    /// <remarks>
    /// In an IPv6 tree an IPv4 address is looked up under <c>::/96</c>, as the spec says; an
    /// IPv4-mapped address is walked as given, so the answer depends on whether the database
    /// aliases <c>::ffff:0:0/96</c> (callers that want one answer per host map it to IPv4 first).
    /// An IPv4-only tree answers IPv4-mapped addresses as IPv4 and refuses other IPv6 addresses.
    /// </remarks>
    public MmdbLookupResult Find(ReadOnlySpan<byte> address)
    {
        if (address.Length == 4)
        {
            return Walk(address, _ipv4StartNode, _ipv4StartBits);
        }
        if (address.Length != 16)
        {
            throw new ArgumentException("An address is 4 or 16 bytes.", nameof(address));
        }
        if (Metadata.IpVersion == 6)
        {
            return Walk(address, 0, 0);
        }
        return IsIPv4Mapped(address)
            ? Walk(address[12..], 0, 0)
            : new MmdbLookupResult(MmdbLookupStatus.AddressFamilyNotInDatabase, 0, 0);
    }

    /// <summary>Decodes the record at a data-section offset (see <see cref="MmdbDataDecoder"/> for the types).</summary>
    /// <exception cref="MmdbFormatException">The record is corrupt.</exception>
    public object Decode(int dataOffset) => _data.Decode(dataOffset);

    /// <summary>A raw search-tree record: below the node count a node, equal to it "no data", above it data.</summary>
    internal int ReadRecord(int node, int bit) => (int)ReadRecordUnchecked(node, bit);

    private MmdbLookupResult Walk(ReadOnlySpan<byte> address, int startNode, int startBits)
    {
        var node = startNode;
        var bits = address.Length * 8;
        var i = 0;
        for (; i < bits && node < _nodeCount; i++)
        {
            var bit = (address[i >> 3] >> (7 - (i & 7))) & 1;
            node = (int)ReadRecordUnchecked(node, bit);
        }
        var prefixLength = startBits + i;
        if (node > _nodeCount)
        {
            return new MmdbLookupResult(MmdbLookupStatus.Found, node - _nodeCount - DataSectionSeparatorSize, prefixLength);
        }
        // Equal to the node count: no data. Still below it after every bit: a tree deeper than
        // the address, which libmaxminddb calls corrupt; here it is simply not an answer.
        return new MmdbLookupResult(MmdbLookupStatus.NotFound, 0, prefixLength);
    }

    private uint ReadRecordUnchecked(int node, int bit)
    {
        var file = _file;
        switch (_recordSize)
        {
            case 24:
            {
                var at = (node * 6) + (bit * 3);
                return (uint)((file[at] << 16) | (file[at + 1] << 8) | file[at + 2]);
            }
            case 28:
            {
                var at = node * 7;
                return bit == 0
                    ? (uint)(((file[at + 3] & 0xF0) << 20) | (file[at] << 16) | (file[at + 1] << 8) | file[at + 2])
                    : (uint)(((file[at + 3] & 0x0F) << 24) | (file[at + 4] << 16) | (file[at + 5] << 8) | file[at + 6]);
            }
            default:
            {
                var at = (node * 8) + (bit * 4);
                return ((uint)file[at] << 24) | ((uint)file[at + 1] << 16) | ((uint)file[at + 2] << 8) | file[at + 3];
            }
        }
    }

    private int[] ValidateTreeAndCollectDataOffsets()
    {
        var dataSize = _data.SectionLength;
        var seen = new ulong[(dataSize + 63) / 64];
        var distinct = 0;
        for (var node = 0; node < _nodeCount; node++)
        {
            for (var bit = 0; bit < 2; bit++)
            {
                var record = (long)ReadRecordUnchecked(node, bit);
                if (record <= _nodeCount)
                {
                    continue;
                }
                var offset = record - _nodeCount - DataSectionSeparatorSize;
                if (offset < 0)
                {
                    throw new MmdbFormatException(FilePath, $"search tree node {node} points into the data section separator");
                }
                if (offset >= dataSize)
                {
                    throw new MmdbFormatException(FilePath,
                        $"search tree node {node} points to data offset {offset}, past the end of the data section ({dataSize} bytes)");
                }
                ref var word = ref seen[offset >> 6];
                var mask = 1UL << (int)(offset & 63);
                if ((word & mask) == 0)
                {
                    word |= mask;
                    distinct++;
                }
            }
        }
        var offsets = new int[distinct];
        var next = 0;
        for (var w = 0; w < seen.Length; w++)
        {
            for (var word = seen[w]; word != 0; word &= word - 1)
            {
                offsets[next++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }
        return offsets;
    }

    /// <summary>IPv4 lives under <c>::/96</c> of an IPv6 tree: 96 left turns from the root, done once.</summary>
    private (int Node, int Bits) FindIPv4Start()
    {
        if (Metadata.IpVersion == 4)
        {
            return (0, 0);
        }
        var node = 0;
        var bits = 0;
        for (; bits < 96 && node < _nodeCount; bits++)
        {
            node = (int)ReadRecordUnchecked(node, 0);
        }
        return (node, bits);
    }

    /// <summary><c>::ffff:a.b.c.d</c>, given as 16 network-order bytes.</summary>
    internal static bool IsIPv4Mapped(ReadOnlySpan<byte> address) =>
        address[..10].IndexOfAnyExcept((byte)0) < 0 && address[10] == 0xFF && address[11] == 0xFF;
}
