using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.FeatureExport;

/// <summary>
/// Rows that are the same request for the model share a group, so that a split never puts one
/// copy in training and another in the test set. In CSIC, requests repeat with only the session
/// cookie changed, and every POST body repeats a GET query string: the key is therefore the path
/// plus the query, or the body when there is no query, without method or headers.
/// </summary>
internal static class GroupKey
{
    public static string For(ExportRow row)
    {
        var target = row.Target.AsSpan();
        var queryStart = target.IndexOf('?');
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? default : target[(queryStart + 1)..];
        var arguments = query.IsEmpty ? Encoding.Latin1.GetString(row.Body) : query.ToString();
        return string.Concat(path, "\n", arguments);
    }

    /// <summary>First 8 bytes of SHA-256 of the key: stable across runs, machines and row order.</summary>
    public static long Id(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
