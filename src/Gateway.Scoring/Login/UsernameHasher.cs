using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Login;

/// <summary>
/// Turns a username into its store identity: normalized (trimmed, case-folded) and hashed with a
/// secret key (HMAC-SHA-256), so that a store dump or a log line never holds a username, and the
/// hashes cannot be reversed by hashing a list of likely usernames without the key.
/// </summary>
internal sealed class UsernameHasher(byte[] key)
{
    /// <summary>Usernames longer than this are cut before hashing (the prefix read is bounded anyway).</summary>
    public const int MaxLength = 256;

    public static string Normalize(string username)
    {
        var trimmed = username.Trim();
        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength];
        }
        return trimmed.ToLowerInvariant();
    }

    /// <returns>Null for an empty username; otherwise the entity id (hex of 128 bits) and a 64-bit member hash.</returns>
    public HashedUsername? Hash(string? username)
    {
        if (username is null)
        {
            return null;
        }
        var normalized = Normalize(username);
        if (normalized.Length == 0)
        {
            return null;
        }
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized), digest);
        return new HashedUsername(Convert.ToHexStringLower(digest[..16]), BinaryPrimitives.ReadUInt64LittleEndian(digest) | 1);
    }
}
