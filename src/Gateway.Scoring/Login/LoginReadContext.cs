namespace Gateway.Scoring.Login;

/// <summary>Where the current attempt comes from, so that a username read can say whether it is known there.</summary>
/// <param name="Subnet">The client's /24 or /64 (<see cref="LoginEntityKind.Subnet"/> id), or null.</param>
public readonly record struct LoginReadContext(string? Country, uint Asn, string? Subnet = null)
{
    public static LoginReadContext None => default;
}
