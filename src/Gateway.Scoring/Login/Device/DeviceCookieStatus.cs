namespace Gateway.Scoring.Login.Device;

/// <summary>What a login attempt's device cookie proved.</summary>
internal enum DeviceCookieStatus
{
    /// <summary>No cookie of that name.</summary>
    Absent,

    /// <summary>Valid, and it names the attempted username: owner evidence.</summary>
    Vouches,

    /// <summary>Valid, but issued for other usernames (a shared computer, or a stolen cookie replayed).</summary>
    OtherUsername,

    /// <summary>Not of the cookie's form (cut, edited, an old version).</summary>
    Malformed,

    /// <summary>Well formed, but not signed with this gateway's key (tampered, or another deployment's).</summary>
    BadSignature,

    /// <summary>Signed, but older than the lifetime (or issued in the future).</summary>
    Expired,
}
