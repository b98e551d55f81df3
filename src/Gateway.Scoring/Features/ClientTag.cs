using System.Security.Cryptography;
using System.Runtime.InteropServices;

namespace Gateway.Scoring.Features;

/// <summary>
/// Turns a client key into a short text that is safe as a Redis Cluster hash tag and bounded in
/// size. Canonical IP text (digits, hex, <c>.</c>, <c>:</c>, <c>%scope</c>) is kept as is, so
/// operators can read the keys; anything else (braces that would break the tag, empty or very long
/// values, control characters) becomes <c>#</c> and a 128-bit digest. <c>#</c> never appears in
/// kept text, so the two forms cannot collide.
/// </summary>
internal static class ClientTag
{
    public const int MaxReadableLength = 64;
    private const int DigestBytes = 16;

    /// <param name="clientKey">Null (a default <see cref="BehaviourKey"/>) is treated as empty.</param>
    public static string For(string? clientKey)
    {
        clientKey ??= string.Empty;
        return IsReadable(clientKey) ? clientKey : Digest(clientKey);
    }

    private static bool IsReadable(string clientKey)
    {
        if (clientKey.Length is 0 or > MaxReadableLength)
        {
            return false;
        }
        foreach (var c in clientKey)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or ':' or '%' or '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    private static string Digest(string clientKey)
    {
        // Hashing the UTF-16 code units directly needs no encoding buffer and treats lone
        // surrogates like any other value; every platform .NET runs the gateway on is little-endian.
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(clientKey.AsSpan()), digest);
        ReadOnlySpan<byte> kept = digest[..DigestBytes];
        return string.Create(1 + (DigestBytes * 2), kept, static (chars, bytes) =>
        {
            chars[0] = '#';
            Convert.TryToHexStringLower(bytes, chars[1..], out _);
        });
    }
}
