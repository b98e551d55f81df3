using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Gateway.FeatureExport;

/// <summary>
/// Rows that are the same request for the model share a group, so that a split never puts one copy
/// in training and another in the test set. "The same for the model" is taken literally: the group
/// is the feature vector itself. In CSIC, requests repeat with only the session cookie changed, every
/// POST body repeats a GET query, and many anomalous requests differ from a normal one only in a
/// parameter name the features do not see; all of those are one group each.
/// </summary>
internal static class GroupKey
{
    /// <summary>
    /// The width of <c>content-v10</c>'s vector, on which the split was last drawn. Features appended
    /// since then enter the hash only where one of them is non-zero: a request they say nothing about
    /// keeps its group id, and with it its side of the split, so a schema that adds a feature is
    /// compared with its predecessor on the same train, validation and test requests.
    /// </summary>
    internal const int SplitWidth = 2113;

    /// <summary>First 8 bytes of SHA-256 of the float32 features: stable across runs, machines and row order.</summary>
    public static long Id(ReadOnlySpan<float> features)
    {
        if (features.Length > SplitWidth && !features[SplitWidth..].ContainsAnyExcept(0f))
        {
            features = features[..SplitWidth];
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(features), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
