using System.Buffers.Binary;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// Proof that this browser solved a challenge: issued and expiry times and the client binding,
/// signed with the clearance key. Layout (version 1): version, issued and expiry (Unix seconds,
/// big-endian), 16-byte binding.
/// </summary>
internal sealed record ClearanceCookie(DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, byte[] Binding)
{
    private const byte Version = 1;
    private const int PayloadSize = 1 + 8 + 8 + ClientBinding.Size;

    /// <summary>Generous bound on the cookie's text (it is about 90 characters).</summary>
    public const int MaxTextLength = 256;

    public string Sign(byte[] key)
    {
        Span<byte> payload = stackalloc byte[PayloadSize];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload[1..], IssuedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(payload[9..], ExpiresAt.ToUnixTimeSeconds());
        Binding.AsSpan(0, ClientBinding.Size).CopyTo(payload[17..]);
        return SignedEnvelope.Seal(payload, key);
    }

    /// <summary>Checks the form and the signature; expiry and binding are the caller's.</summary>
    public static ChallengeFailure TryRead(string? text, ChallengeKeyRing keys, out ClearanceCookie? cookie)
    {
        cookie = null;
        var failure = SignedEnvelope.Open(text, keys, clearance: true, MaxTextLength, out var payload);
        if (failure != ChallengeFailure.None)
        {
            return failure;
        }
        if (payload.Length != PayloadSize || payload[0] != Version)
        {
            return ChallengeFailure.Malformed;
        }
        cookie = new ClearanceCookie(
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1))),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(9))),
            payload.AsSpan(17, ClientBinding.Size).ToArray());
        return ChallengeFailure.None;
    }
}
