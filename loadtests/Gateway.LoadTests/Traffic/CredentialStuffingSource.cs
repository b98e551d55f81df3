using System.Text;

namespace Gateway.LoadTests.Traffic;

/// <summary>
/// Credential stuffing: form posts to <c>/login</c>, each with another username from a leaked-list
/// style population and a common password, sent from a small botnet whose addresses rotate
/// request by request. Each address therefore sends many attempts, and the upstream answers 401.
/// </summary>
internal sealed class CredentialStuffingSource(ClientAddressPool botnet, int usernames, ulong salt) : ITrafficSource
{
    public const string LoginPath = "/login";
    public const string FormContentType = "application/x-www-form-urlencoded";

    private static readonly string[] Passwords =
        ["123456", "password", "123456789", "qwerty", "letmein", "iloveyou", "admin", "welcome", "monkey", "dragon"];

    private static readonly string[] Domains = ["example.com", "example.net", "example.org"];

    public TrafficKind Kind => TrafficKind.Stuffing;

    public LoadRequest Next(long sequence)
    {
        var user = DeterministicHash.Pick(sequence, salt, usernames);
        var domain = Domains[user % Domains.Length];
        var password = Passwords[DeterministicHash.Pick(sequence, salt + 1, Passwords.Length)];
        var body = Encoding.ASCII.GetBytes($"username=user{user}%40{domain}&password={password}");
        // Rotating, not random: consecutive attempts come from different bots, as a stuffing tool spreads them.
        var address = botnet.At((int)(sequence % botnet.Count));
        return new LoadRequest(Kind, "POST", LoginPath, body, FormContentType, address);
    }
}
