namespace Gateway.Scoring.Geo.MaxMindDb;

/// <summary>Finds and validates the metadata map at the end of a MaxMind DB file.</summary>
internal static class MmdbMetadataParser
{
    /// <summary>The spec caps the metadata section, marker included, at 128 KiB.</summary>
    public const int MaxMetadataSize = 128 * 1024;

    /// <summary><c>\xAB\xCD\xEFMaxMind.com</c>.</summary>
    public static ReadOnlySpan<byte> Marker =>
        [0xAB, 0xCD, 0xEF, (byte)'M', (byte)'a', (byte)'x', (byte)'M', (byte)'i', (byte)'n', (byte)'d', (byte)'.', (byte)'c', (byte)'o', (byte)'m'];

    /// <returns>The metadata and the file offset of the marker, which is where the data section ends.</returns>
    public static (MmdbMetadata Metadata, int MarkerOffset) Parse(byte[] file, string path)
    {
        var searchFrom = Math.Max(0, file.Length - MaxMetadataSize);
        // The last occurrence counts: the data section may hold the same bytes by chance.
        var found = file.AsSpan(searchFrom).LastIndexOf(Marker);
        if (found < 0)
        {
            throw new MmdbFormatException(path, "no metadata marker in the last 128 KiB (not a MaxMind DB file, or truncated)");
        }
        var markerOffset = searchFrom + found;
        var metadataStart = markerOffset + Marker.Length;
        var decoder = new MmdbDataDecoder(file, metadataStart, file.Length - metadataStart, path, "metadata");
        if (decoder.SectionLength == 0 || decoder.Decode(0) is not Dictionary<string, object> map)
        {
            throw new MmdbFormatException(path, "metadata is not a map");
        }
        return (ToMetadata(map, path), markerOffset);
    }

    private static MmdbMetadata ToMetadata(Dictionary<string, object> map, string path)
    {
        var major = RequiredUnsigned(map, "binary_format_major_version", path);
        if (major != 2)
        {
            throw new MmdbFormatException(path, $"binary format major version {major} is not supported (only 2)");
        }
        var nodeCount = RequiredUnsigned(map, "node_count", path);
        if (nodeCount is 0 or > uint.MaxValue)
        {
            throw new MmdbFormatException(path, $"metadata node_count {nodeCount} is out of range");
        }
        var recordSize = RequiredUnsigned(map, "record_size", path);
        if (recordSize is not (24 or 28 or 32))
        {
            throw new MmdbFormatException(path, $"record_size {recordSize} is not supported (24, 28 or 32)");
        }
        var ipVersion = RequiredUnsigned(map, "ip_version", path);
        if (ipVersion is not (4 or 6))
        {
            throw new MmdbFormatException(path, $"ip_version {ipVersion} is invalid (4 or 6)");
        }
        if (!map.TryGetValue("database_type", out var type) || type is not string databaseType)
        {
            throw new MmdbFormatException(path, "metadata has no database_type string");
        }
        return new MmdbMetadata(
            (uint)nodeCount,
            (int)recordSize,
            (int)ipVersion,
            databaseType,
            RequiredUnsigned(map, "build_epoch", path),
            Languages(map, path),
            Description(map, path),
            (int)major,
            map.ContainsKey("binary_format_minor_version") ? (int)Math.Min(RequiredUnsigned(map, "binary_format_minor_version", path), int.MaxValue) : 0);
    }

    private static ulong RequiredUnsigned(Dictionary<string, object> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var value))
        {
            throw new MmdbFormatException(path, $"metadata has no {key}");
        }
        return value switch
        {
            ushort v => v,
            uint v => v,
            ulong v => v,
            UInt128 v when v <= ulong.MaxValue => (ulong)v,
            int v when v >= 0 => (ulong)v,
            _ => throw new MmdbFormatException(path, $"metadata {key} is not an unsigned integer"),
        };
    }

    private static string[] Languages(Dictionary<string, object> map, string path)
    {
        if (!map.TryGetValue("languages", out var value))
        {
            return [];
        }
        if (value is not object[] items || Array.Exists(items, item => item is not string))
        {
            throw new MmdbFormatException(path, "metadata languages is not an array of strings");
        }
        return Array.ConvertAll(items, item => (string)item);
    }

    private static Dictionary<string, string> Description(Dictionary<string, object> map, string path)
    {
        var description = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.TryGetValue("description", out var value))
        {
            return description;
        }
        if (value is not Dictionary<string, object> byLanguage)
        {
            throw new MmdbFormatException(path, "metadata description is not a map");
        }
        foreach (var (language, text) in byLanguage)
        {
            description[language] = text as string
                ?? throw new MmdbFormatException(path, $"metadata description for '{language}' is not a string");
        }
        return description;
    }
}
