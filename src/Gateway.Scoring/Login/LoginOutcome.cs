namespace Gateway.Scoring.Login;

/// <summary>What became of one login attempt.</summary>
public enum LoginOutcome : byte
{
    /// <summary>The gateway challenged or blocked it: the upstream never saw it.</summary>
    Stopped,

    /// <summary>The upstream said the credentials were wrong.</summary>
    Failure,

    /// <summary>The upstream accepted the credentials.</summary>
    Success,

    /// <summary>Any other answer (400, 429, 5xx, …): neither a success nor a failure.</summary>
    Other,
}
