namespace Gateway.Scoring.Login;

/// <param name="Id">Address text, subnet (<c>198.51.100.0/24</c>), ASN number, <c>all</c> or the
/// username's keyed hash in hex. Never a username in clear, never braces.</param>
public readonly record struct LoginEntity(LoginEntityKind Kind, string Id)
{
    public static LoginEntity Infrastructure { get; } = new(LoginEntityKind.Infrastructure, "all");

    /// <summary>Short text naming the entity in store keys, e.g. <c>i:192.0.2.1</c>.</summary>
    public string Tag => Prefix(Kind) + Id;

    private static string Prefix(LoginEntityKind kind) => kind switch
    {
        LoginEntityKind.Ip => "i:",
        LoginEntityKind.Subnet => "n:",
        LoginEntityKind.Asn => "a:",
        LoginEntityKind.Infrastructure => "h:",
        _ => "u:",
    };
}
