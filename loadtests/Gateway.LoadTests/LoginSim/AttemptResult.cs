namespace Gateway.LoadTests.LoginSim;

/// <summary>What the gateway did with one simulated attempt.</summary>
internal enum AttemptResult
{
    /// <summary>Forwarded, and the upstream accepted the credentials (200).</summary>
    Succeeded,

    /// <summary>Forwarded, and the upstream refused the credentials (401).</summary>
    Failed,

    /// <summary>429: the gateway asked for a challenge, which attackers do not solve.</summary>
    Challenged,

    /// <summary>403.</summary>
    Blocked,

    /// <summary>Anything else (5xx, timeouts, connection errors).</summary>
    Error,
}
