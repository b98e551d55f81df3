using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.DemoUpstream;

/// <summary>The demo's accounts. Passwords are demo values printed in the README, not secrets.</summary>
internal static class DemoUsers
{
    private static readonly FrozenDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["alice"] = "wonderland",
        ["bob"] = "builder",
        ["carol"] = "correct horse battery staple",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool Verify(string? username, string? password)
    {
        if (username is null || password is null || !Passwords.TryGetValue(username, out var expected))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }
}
