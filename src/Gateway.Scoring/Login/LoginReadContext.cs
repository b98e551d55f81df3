namespace Gateway.Scoring.Login;

/// <summary>Where the current attempt comes from, so that a username read can say whether it is known there.</summary>
public readonly record struct LoginReadContext(string? Country, uint Asn)
{
    public static LoginReadContext None => default;
}
