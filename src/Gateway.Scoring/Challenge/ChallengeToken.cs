using System.Buffers.Binary;
using System.Text;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// A stateless, signed challenge: when it was issued and expires, how much work it asks, a random
/// id (for single use), the client it was issued to, and where to send the browser once solved.
/// Layout (version 1): version, issued and expiry (Unix seconds, big-endian), difficulty bits,
/// 16-byte id, 16-byte binding, then the return path in UTF-8.
/// </summary>
internal sealed record ChallengeToken(
    DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int DifficultyBits, UInt128 Id, byte[] Binding, string ReturnPath)
{
    private const byte Version = 1;
    private const int HeaderSize = 1 + 8 + 8 + 1 + 16 + ClientBinding.Size;

    /// <summary>Longest token text accepted: the header, a return path of <see cref="Challenge.ReturnPath.MaxLength"/>, base64 and MAC.</summary>
    public const int MaxTextLength = (HeaderSize + Challenge.ReturnPath.MaxLength) * 4 / 3 + 64;

    public string Sign(byte[] key)
    {
        var pathBytes = Encoding.UTF8.GetByteCount(ReturnPath);
        var payload = new byte[HeaderSize + pathBytes];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), IssuedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(9), ExpiresAt.ToUnixTimeSeconds());
        payload[17] = (byte)DifficultyBits;
        BinaryPrimitives.WriteUInt128BigEndian(payload.AsSpan(18), Id);
        Binding.AsSpan(0, ClientBinding.Size).CopyTo(payload.AsSpan(34));
        Encoding.UTF8.GetBytes(ReturnPath, payload.AsSpan(HeaderSize));
        return SignedEnvelope.Seal(payload, key);
    }

    /// <summary>Checks the form and the signature; expiry, binding and work are the caller's.</summary>
    public static ChallengeFailure TryRead(string? text, ChallengeKeyRing keys, out ChallengeToken? token)
    {
        token = null;
        var failure = SignedEnvelope.Open(text, keys, clearance: false, MaxTextLength, out var payload);
        if (failure != ChallengeFailure.None)
        {
            return failure;
        }
        if (payload.Length < HeaderSize || payload[0] != Version)
        {
            return ChallengeFailure.Malformed;
        }
        token = new ChallengeToken(
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1))),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(9))),
            payload[17],
            BinaryPrimitives.ReadUInt128BigEndian(payload.AsSpan(18)),
            payload.AsSpan(34, ClientBinding.Size).ToArray(),
            Encoding.UTF8.GetString(payload.AsSpan(HeaderSize)));
        return ChallengeFailure.None;
    }
}
