namespace Gateway.Scoring.Login;

/// <summary>One attempt as one entity learns it.</summary>
/// <param name="Member">
/// Hash of the other side, counted as distinct: the username's for a network entity, the client
/// address's for a username; 0 when unknown.
/// </param>
/// <param name="Country">On a username's success: the country to remember; otherwise null.</param>
/// <param name="Asn">On a username's success: the ASN to remember; otherwise 0.</param>
/// <param name="MarkCracked">This success followed many failures: remember it as cracked.</param>
/// <param name="Subnet">On a username's success: the client's /24 or /64 to remember; otherwise null.</param>
public readonly record struct LoginObservation(
    LoginOutcome Outcome, ulong Member, string? Country = null, uint Asn = 0, bool MarkCracked = false, string? Subnet = null);
