namespace Gateway.Scoring.Challenge;

/// <summary>Why a token or a clearance cookie was refused.</summary>
public enum ChallengeFailure : byte
{
    None,
    Malformed,
    BadSignature,
    Expired,
    WrongBinding,
    InsufficientWork,
    Replay,
}

internal static class ChallengeFailureNames
{
    /// <summary>Low-cardinality metric tag.</summary>
    public static string Name(ChallengeFailure failure) => failure switch
    {
        ChallengeFailure.None => "none",
        ChallengeFailure.Malformed => "malformed",
        ChallengeFailure.BadSignature => "bad_signature",
        ChallengeFailure.Expired => "expired",
        ChallengeFailure.WrongBinding => "wrong_binding",
        ChallengeFailure.InsufficientWork => "insufficient_work",
        ChallengeFailure.Replay => "replay",
        _ => "unknown",
    };
}
