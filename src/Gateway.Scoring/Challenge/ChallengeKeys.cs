using System.Security.Cryptography;

namespace Gateway.Scoring.Challenge;

/// <summary>
/// Two HMAC keys derived from one master key (HKDF-SHA256), one per purpose, so that a challenge
/// token can never be presented as a clearance cookie or the other way round.
/// </summary>
internal sealed class ChallengeKeys
{
    private static readonly byte[] TokenInfo = "gateway challenge token v1"u8.ToArray();
    private static readonly byte[] ClearanceInfo = "gateway clearance cookie v1"u8.ToArray();

    private ChallengeKeys(byte[] token, byte[] clearance, ChallengeKeySource source)
    {
        Token = token;
        Clearance = clearance;
        Source = source;
    }

    public byte[] Token { get; }
    public byte[] Clearance { get; }
    public ChallengeKeySource Source { get; }

    public static ChallengeKeys Derive(ReadOnlySpan<byte> master, ChallengeKeySource source) => new(
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, [], TokenInfo),
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master.ToArray(), 32, [], ClearanceInfo),
        source);

    public static ChallengeKeys Generate() => Derive(RandomNumberGenerator.GetBytes(32), ChallengeKeySource.Local);
}
