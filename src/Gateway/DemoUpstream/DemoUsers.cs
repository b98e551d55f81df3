using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.DemoUpstream;

/// <summary>
/// The demo's accounts. Passwords are demo values printed in the README, not secrets. Besides the
/// named accounts there are <see cref="GeneratedCount"/> generated ones, <c>user0001</c> …
/// <c>user5000</c>, whose passwords follow from their number (<see cref="GeneratedPassword"/>), so
/// that the login simulator can play thousands of real users against the demo shop.
/// </summary>
internal static class DemoUsers
{
    public const int GeneratedCount = 5000;
    private const string GeneratedPrefix = "user";

    private static readonly FrozenDictionary<string, string> Passwords = new Dictionary<string, string>
    {
        ["alice"] = "wonderland",
        ["bob"] = "builder",
        ["carol"] = "correct horse battery staple",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>user0001</c> for 1.</summary>
    public static string GeneratedUsername(int number) =>
        GeneratedPrefix + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A deterministic password per generated account (a digest of its number, not guessable from the name alone).</summary>
    public static string GeneratedPassword(int number)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("demo-user-" + number.ToString(CultureInfo.InvariantCulture)));
        return "pw-" + Convert.ToHexStringLower(digest.AsSpan(0, 6));
    }

    public static bool Verify(string? username, string? password)
    {
        if (username is null || password is null || Expected(username.Trim()) is not { } expected)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }

    private static string? Expected(string username)
    {
        if (Passwords.TryGetValue(username, out var named))
        {
            return named;
        }
        if (username.Length == GeneratedPrefix.Length + 4
            && username.StartsWith(GeneratedPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(username.AsSpan(GeneratedPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number is >= 1 and <= GeneratedCount)
        {
            return GeneratedPassword(number);
        }
        return null;
    }
}
