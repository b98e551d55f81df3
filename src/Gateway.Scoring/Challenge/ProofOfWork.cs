using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// The puzzle: find a nonce (decimal digits) such that SHA-256 over the ASCII bytes of
/// <c>token + nonce</c> starts with the asked number of zero bits. The browser's script does the
/// same computation with WebCrypto.
/// </summary>
internal static class ProofOfWork
{
    public const int MaxNonceLength = 16;

    public static bool IsValidNonce(string? nonce)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > MaxNonceLength)
        {
            return false;
        }
        foreach (var c in nonce)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    public static bool Verify(string token, string nonce, int difficultyBits)
    {
        if (!IsValidNonce(nonce))
        {
            return false;
        }
        var input = Encoding.ASCII.GetBytes(token + nonce);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return LeadingZeroBits(digest) >= difficultyBits;
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> digest)
    {
        var bits = 0;
        foreach (var b in digest)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    /// <summary>Solves a puzzle (for tests and tools): the first nonce from 0 that meets the difficulty.</summary>
    public static string Solve(string token, int difficultyBits)
    {
        var prefix = Encoding.ASCII.GetBytes(token);
        var input = new byte[prefix.Length + MaxNonceLength];
        prefix.CopyTo(input, 0);
        Span<byte> digest = stackalloc byte[32];
        for (long nonce = 0; ; nonce++)
        {
            nonce.TryFormat(input.AsSpan(prefix.Length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            SHA256.HashData(input.AsSpan(0, prefix.Length + written), digest);
            if (LeadingZeroBits(digest) >= difficultyBits)
            {
                return nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
