using Gateway.Scoring.Configuration;
using Gateway.Scoring.Login.Device;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Login;

/// <summary>Checks <c>Protection:Login</c> and the routes that name login profiles, every problem with its key.</summary>
internal static class LoginOptionsValidator
{
    public const string Section = "Protection:Login";

    public static void Validate(LoginOptions options, IConfiguration configuration, ConfigurationErrors errors)
    {
        foreach (var (name, profile) in options.Profiles)
        {
            ValidateProfile(profile, $"{Section}:Profiles:{name}", errors);
            if (!IsPlainName(name))
            {
                errors.Add($"{Section}:Profiles:{SafeText.Sanitise(name)}", "a login profile's name may only hold letters, digits, '-', '_' and '.' (it names store keys).");
            }
        }
        ValidateSites(options, errors);
        if (!string.IsNullOrEmpty(options.UsernameKey) && DecodeKey(options.UsernameKey) is null)
        {
            errors.Add($"{Section}:UsernameKey", "must be base64 of at least 16 bytes (e.g. the output of 'openssl rand -base64 32').");
        }
        DeviceOptionsValidator.Validate(options.Device ?? new DeviceOptions(), $"{Section}:Device", errors);
        if (options.MaxTrackedEntities is < 1 or > 10_000_000)
        {
            errors.Add($"{Section}:MaxTrackedEntities", $"must be between 1 and 10000000 (is {options.MaxTrackedEntities})");
        }
        foreach (var route in configuration.GetSection("ReverseProxy:Routes").GetChildren())
        {
            var key = $"ReverseProxy:Routes:{route.Key}:Metadata:{LoginOptions.RouteMetadataKey}";
            var name = configuration[key];
            if (name is not null && !options.Profiles.ContainsKey(name))
            {
                var defined = options.Profiles.Count == 0 ? "none" : string.Join(", ", options.Profiles.Keys);
                errors.Add(key, $"names login profile '{name}', which is not defined under {Section}:Profiles (defined: {defined})");
            }
        }
    }

    /// <returns>Null when not valid base64 or shorter than 16 bytes.</returns>
    public static byte[]? DecodeKey(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 16 ? buffer[..written] : null;
    }

    private static void ValidateProfile(LoginProfileOptions o, string key, ConfigurationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(o.UsernameField))
        {
            errors.Add($"{key}:UsernameField", "must name the form field or JSON property holding the username.");
        }
        var codes = o.EffectiveFailureStatusCodes;
        if (codes.Length == 0 && string.IsNullOrEmpty(o.FailureRedirectPath))
        {
            errors.Add($"{key}:FailureStatusCodes", "is empty and FailureRedirectPath is not set: no answer could ever count as a failed login.");
        }
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is < 300 or > 599)
            {
                errors.Add($"{key}:FailureStatusCodes:{i}", $"must be an HTTP status code from 300 to 599 (is {codes[i]})");
            }
        }
        if (o.FailureRedirectPath is { Length: > 0 } path && path[0] != '/')
        {
            errors.Add($"{key}:FailureRedirectPath", $"must be a path starting with '/' (is '{SafeText.Sanitise(path)}')");
        }
        if (o.MaxBodyBytes is < 64 or > 65_536)
        {
            errors.Add($"{key}:MaxBodyBytes", $"must be between 64 and 65536 (is {o.MaxBodyBytes})");
        }
        InRange(o.MinFailureRatio, 0, 1, $"{key}:MinFailureRatio", errors);
        InRange(o.CrackedRisk, 0, 1, $"{key}:CrackedRisk", errors);
        InRange(o.NewLocationRisk, 0, 1, $"{key}:NewLocationRisk", errors);
        InRange(o.HostingRisk, 0, 1, $"{key}:HostingRisk", errors);
        InRange(o.PriorFactor, 0.05, 1, $"{key}:PriorFactor", errors);
        InRange(o.SprayingFactor, 1, 100, $"{key}:SprayingFactor", errors);
        foreach (var (name, value) in new (string, double)[]
        {
            (nameof(o.IpUsernamesChallenge), o.IpUsernamesChallenge), (nameof(o.SubnetUsernamesChallenge), o.SubnetUsernamesChallenge),
            (nameof(o.AsnUsernamesChallenge), o.AsnUsernamesChallenge), (nameof(o.InfrastructureUsernamesChallenge), o.InfrastructureUsernamesChallenge),
            (nameof(o.IpFailuresChallenge), o.IpFailuresChallenge), (nameof(o.UsernameFailuresChallenge), o.UsernameFailuresChallenge),
            (nameof(o.CrackedAfterFailures), o.CrackedAfterFailures), (nameof(o.UsernameAddressesChallenge), o.UsernameAddressesChallenge),
        })
        {
            InRange(value, 1, 1_000_000, $"{key}:{name}", errors);
        }
        BlockAbove(o.IpUsernamesBlock, o.IpUsernamesChallenge, $"{key}:{nameof(o.IpUsernamesBlock)}", errors);
        BlockAbove(o.SubnetUsernamesBlock, o.SubnetUsernamesChallenge, $"{key}:{nameof(o.SubnetUsernamesBlock)}", errors);
        BlockAbove(o.IpFailuresBlock, o.IpFailuresChallenge, $"{key}:{nameof(o.IpFailuresBlock)}", errors);
        ValidateSurge(o.Surge ?? new LoginSurgeOptions(), $"{key}:Surge", errors);
    }

    /// <summary>Profiles that share a site-wide count must judge it alike.</summary>
    private static void ValidateSites(LoginOptions options, ConfigurationErrors errors)
    {
        var first = new Dictionary<string, (string Profile, LoginSurgeOptions Surge)>(StringComparer.Ordinal);
        foreach (var (name, profile) in options.Profiles)
        {
            var surge = profile.Surge;
            if (surge is null)
            {
                continue;
            }
            var site = surge.Site ?? name;
            if (surge.Site is not null && !IsPlainName(surge.Site))
            {
                errors.Add($"{Section}:Profiles:{name}:Surge:Site", "may only hold letters, digits, '-', '_' and '.' (it names store keys).");
            }
            if (!first.TryGetValue(site, out var other))
            {
                first[site] = (name, surge);
            }
            else if (!SameJudgement(surge, other.Surge))
            {
                errors.Add($"{Section}:Profiles:{name}:Surge", $"shares the site '{SafeText.Sanitise(site)}' with profile '{other.Profile}' but has other surge settings; profiles of one site must have the same ones.");
            }
        }
    }

    private static bool SameJudgement(LoginSurgeOptions a, LoginSurgeOptions b) =>
        a.Enabled == b.Enabled && a.ShortHalfLifeSeconds == b.ShortHalfLifeSeconds && a.BaselineHalfLifeSeconds == b.BaselineHalfLifeSeconds
        && a.MinFailing == b.MinFailing && a.MinFailingUsernames == b.MinFailingUsernames && a.MinFailingRatio == b.MinFailingRatio
        && a.BaselineFactor == b.BaselineFactor && a.MinBaselineAttempts == b.MinBaselineAttempts && a.ExitFactor == b.ExitFactor;

    private static bool IsPlainName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }
        return name.Length > 0;
    }

    private static void ValidateSurge(LoginSurgeOptions s, string key, ConfigurationErrors errors)
    {
        InRange(s.ShortHalfLifeSeconds, 0.1, 86_400, $"{key}:{nameof(s.ShortHalfLifeSeconds)}", errors);
        InRange(s.BaselineHalfLifeSeconds, 1, 7 * 86_400, $"{key}:{nameof(s.BaselineHalfLifeSeconds)}", errors);
        if (s.BaselineHalfLifeSeconds <= s.ShortHalfLifeSeconds)
        {
            errors.Add($"{key}:{nameof(s.BaselineHalfLifeSeconds)}", $"must be longer than ShortHalfLifeSeconds ({s.BaselineHalfLifeSeconds} <= {s.ShortHalfLifeSeconds})");
        }
        InRange(s.MinFailing, 1, 1_000_000, $"{key}:{nameof(s.MinFailing)}", errors);
        InRange(s.MinFailingUsernames, 1, 1_000_000, $"{key}:{nameof(s.MinFailingUsernames)}", errors);
        InRange(s.MinFailingRatio, 0.01, 1, $"{key}:{nameof(s.MinFailingRatio)}", errors);
        InRange(s.BaselineFactor, 1, 100, $"{key}:{nameof(s.BaselineFactor)}", errors);
        InRange(s.MinBaselineAttempts, 0, 1_000_000, $"{key}:{nameof(s.MinBaselineAttempts)}", errors);
        InRange(s.ExitFactor, 0.05, 1, $"{key}:{nameof(s.ExitFactor)}", errors);
    }

    private static void BlockAbove(double block, double challenge, string key, ConfigurationErrors errors)
    {
        if (double.IsNaN(block) || block <= challenge)
        {
            errors.Add(key, $"must be above its challenge point ({block} <= {challenge})");
        }
    }

    private static void InRange(double value, double min, double max, string key, ConfigurationErrors errors)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add(key, $"must be between {min} and {max} (is {value})");
        }
    }
}
