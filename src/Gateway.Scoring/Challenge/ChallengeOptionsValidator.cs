using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Challenge;

/// <summary>Checks challenge settings, reporting every problem with its configuration key. The key's
/// value never appears in a message.</summary>
internal static class ChallengeOptionsValidator
{
    public const int MinimumKeyBytes = 32;
    public const int MaximumDifficultyBits = 32;
    private const int MaxCookieNameLength = 64;

    public static void Validate(ChallengeOptions options, ConfigurationErrors errors)
    {
        const string section = ChallengeOptions.SectionName;
        ValidateKey(options.Key, errors);
        Range(errors, $"{section}:{nameof(options.BaseDifficultyBits)}", options.BaseDifficultyBits, 0, MaximumDifficultyBits);
        Range(errors, $"{section}:{nameof(options.MaxDifficultyBits)}", options.MaxDifficultyBits, 0, MaximumDifficultyBits);
        if (options.MaxDifficultyBits < options.BaseDifficultyBits)
        {
            errors.Add($"{section}:{nameof(options.MaxDifficultyBits)}",
                $"is {options.MaxDifficultyBits}; it must not be below {nameof(options.BaseDifficultyBits)} ({options.BaseDifficultyBits}).");
        }
        Range(errors, $"{section}:{nameof(options.TokenLifetimeSeconds)}", options.TokenLifetimeSeconds, 10, 86_400);
        Range(errors, $"{section}:{nameof(options.ClearanceLifetimeSeconds)}", options.ClearanceLifetimeSeconds, 10, 30 * 86_400);
        Range(errors, $"{section}:{nameof(options.ClearanceIpv4PrefixLength)}", options.ClearanceIpv4PrefixLength, 0, 32);
        Range(errors, $"{section}:{nameof(options.ClearanceIpv6PrefixLength)}", options.ClearanceIpv6PrefixLength, 0, 128);
        ValidateCookieName(options.CookieName, errors);
    }

    /// <summary>Decodes a configured key; null when empty (a key is then generated or shared).</summary>
    public static byte[]? DecodeKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= MinimumKeyBytes
            ? buffer.AsSpan(0, written).ToArray()
            : null;
    }

    private static void ValidateKey(string? key, ConfigurationErrors errors)
    {
        const string name = ChallengeOptions.SectionName + ":" + nameof(ChallengeOptions.Key);
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key.Trim(), buffer, out var written))
        {
            errors.Add(name, $"is not valid base64 (expected at least {MinimumKeyBytes} random bytes, e.g. from 'openssl rand -base64 32').");
        }
        else if (written < MinimumKeyBytes)
        {
            errors.Add(name, $"decodes to {written} bytes; at least {MinimumKeyBytes} are needed (e.g. 'openssl rand -base64 32').");
        }
    }

    private static void ValidateCookieName(string? name, ConfigurationErrors errors)
    {
        const string key = ChallengeOptions.SectionName + ":" + nameof(ChallengeOptions.CookieName);
        if (string.IsNullOrEmpty(name) || name.Length > MaxCookieNameLength)
        {
            errors.Add(key, $"must be 1 to {MaxCookieNameLength} characters long.");
            return;
        }
        foreach (var c in name)
        {
            // RFC 6265 token characters only, kept simple: letters, digits, '_' and '-'.
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                errors.Add(key, "may contain only ASCII letters, digits, '_' and '-'.");
                return;
            }
        }
    }

    private static void Range(ConfigurationErrors errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(key, $"is {value}; it must be between {min} and {max}.");
        }
    }
}
