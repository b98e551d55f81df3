using System.Buffers.Text;
using System.Security.Cryptography;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>: the text form of tokens and
/// cookies. Only ASCII letters, digits, '-', '_' and '.', so it is safe in HTML, forms and cookies.
/// </summary>
internal static class SignedEnvelope
{
    public const int MacSize = 32;

    public static string Seal(ReadOnlySpan<byte> payload, byte[] key)
    {
        Span<byte> mac = stackalloc byte[MacSize];
        HMACSHA256.HashData(key, payload, mac);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Checks the signature against the current key, then the previous one, in constant time.</summary>
    /// <returns><see cref="ChallengeFailure.None"/> with the payload, or why it was refused.</returns>
    public static ChallengeFailure Open(string? text, ChallengeKeyRing ring, bool clearance, int maxLength, out byte[] payload)
    {
        payload = [];
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return ChallengeFailure.Malformed;
        }
        var dot = text.IndexOf('.');
        if (dot <= 0 || dot != text.LastIndexOf('.'))
        {
            return ChallengeFailure.Malformed;
        }
        var body = text.AsSpan(0, dot);
        var signature = text.AsSpan(dot + 1);
        if (!Base64Url.IsValid(body) || !Base64Url.IsValid(signature)
            || Base64Url.GetMaxDecodedLength(signature.Length) != MacSize)
        {
            return ChallengeFailure.Malformed;
        }
        var decoded = new byte[Base64Url.GetMaxDecodedLength(body.Length)];
        if (Base64Url.DecodeFromChars(body, decoded, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return ChallengeFailure.Malformed;
        }
        Span<byte> given = stackalloc byte[MacSize];
        if (Base64Url.DecodeFromChars(signature, given, out _, out var macWritten) != System.Buffers.OperationStatus.Done
            || macWritten != MacSize)
        {
            return ChallengeFailure.Malformed;
        }
        var data = decoded.AsSpan(0, written);
        if (!Matches(data, given, Key(ring.Current, clearance))
            && (ring.Previous is not { } previous || !Matches(data, given, Key(previous, clearance))))
        {
            return ChallengeFailure.BadSignature;
        }
        payload = data.ToArray();
        return ChallengeFailure.None;
    }

    private static byte[] Key(ChallengeKeys keys, bool clearance) => clearance ? keys.Clearance : keys.Token;

    private static bool Matches(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> given, byte[] key)
    {
        Span<byte> expected = stackalloc byte[MacSize];
        HMACSHA256.HashData(key, payload, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
