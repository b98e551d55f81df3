using System.Collections.Frozen;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Policy;

/// <summary>Named policies, built and validated once at startup.</summary>
internal sealed class PolicyCatalog
{
    /// <summary>YARP route metadata key that names a route's policy.</summary>
    public const string RouteMetadataKey = "ProtectionPolicy";

    private readonly FrozenDictionary<string, CompiledPolicy> _policies;

    private PolicyCatalog(FrozenDictionary<string, CompiledPolicy> policies, CompiledPolicy defaultPolicy)
    {
        _policies = policies;
        Default = defaultPolicy;
    }

    public CompiledPolicy Default { get; }

    public IEnumerable<string> Names => _policies.Keys;

    /// <summary>The route's policy, or the default when the route names none (unknown names are refused at startup).</summary>
    public CompiledPolicy Resolve(IReadOnlyDictionary<string, string>? routeMetadata)
    {
        if (routeMetadata is not null
            && routeMetadata.TryGetValue(RouteMetadataKey, out var name)
            && _policies.TryGetValue(name, out var policy))
        {
            return policy;
        }
        return Default;
    }

    public bool Contains(string name) => _policies.ContainsKey(name);

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out CompiledPolicy policy) =>
        _policies.TryGetValue(name, out policy);

    public static PolicyCatalog Build(
        IReadOnlyDictionary<string, PolicyOptions> policies, string defaultPolicy, ConfigurationErrors errors, string keyPrefix)
    {
        var compiled = new Dictionary<string, CompiledPolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, options) in policies)
        {
            Validate(options, errors, $"{keyPrefix}:Policies:{name}");
            compiled[name] = new CompiledPolicy(name, options);
        }
        if (!compiled.TryGetValue(defaultPolicy, out var fallback))
        {
            if (policies.Count > 0 || !string.Equals(defaultPolicy, "default", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{keyPrefix}:DefaultPolicy", $"names policy '{defaultPolicy}', which is not defined under {keyPrefix}:Policies");
            }
            // With no policies configured at all, the built-in defaults apply.
            fallback = new CompiledPolicy(defaultPolicy, new PolicyOptions());
            compiled[defaultPolicy] = fallback;
        }
        return new PolicyCatalog(compiled.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), fallback);
    }

    private static void Validate(PolicyOptions o, ConfigurationErrors errors, string key)
    {
        InRange(o.ChallengeThreshold, 0, 1, $"{key}:ChallengeThreshold", errors);
        InRange(o.BlockThreshold, 0, 1, $"{key}:BlockThreshold", errors);
        if (o.BlockThreshold < o.ChallengeThreshold)
        {
            errors.Add($"{key}:BlockThreshold", $"must not be below ChallengeThreshold ({o.BlockThreshold} < {o.ChallengeThreshold})");
        }
        InRange(o.BudgetMilliseconds, 0.1, 10_000, $"{key}:BudgetMilliseconds", errors);
        InRange(o.MaxBodyBytes, 0, 1 << 20, $"{key}:MaxBodyBytes", errors);
        InRange(o.ContentWeight, 0, 1, $"{key}:ContentWeight", errors);
        InRange(o.ContentChallengeAt, 0.001, 0.999, $"{key}:ContentChallengeAt", errors);
        InRange(o.ContentBlockAt, 0.001, 0.999, $"{key}:ContentBlockAt", errors);
        if (o.ContentBlockAt < o.ContentChallengeAt)
        {
            errors.Add($"{key}:ContentBlockAt", $"must not be below ContentChallengeAt ({o.ContentBlockAt} < {o.ContentChallengeAt})");
        }
        InRange(o.ReputationWeight, 0, 1, $"{key}:ReputationWeight", errors);
        InRange(o.ProfileWeight, 0, 1, $"{key}:ProfileWeight", errors);
        InRange(o.GeoRisk, 0, 1, $"{key}:GeoRisk", errors);
        InRange(o.ClientErrorRatio, 0, 1, $"{key}:ClientErrorRatio", errors);
        Positive(o.RequestsPer10Seconds, $"{key}:RequestsPer10Seconds", errors);
        Positive(o.RequestsPerMinute, $"{key}:RequestsPerMinute", errors);
        Positive(o.RequestsPer10Minutes, $"{key}:RequestsPer10Minutes", errors);
        Positive(o.DistinctPathsPer10Minutes, $"{key}:DistinctPathsPer10Minutes", errors);
        Positive(o.ClientErrorMinimumResponses, $"{key}:ClientErrorMinimumResponses", errors);
        InRange(o.RetryAfterSeconds, 1, 86_400, $"{key}:RetryAfterSeconds", errors);
        CountryCodes(o.BlockedCountries, $"{key}:BlockedCountries", errors);
        CountryCodes(o.RiskyCountries, $"{key}:RiskyCountries", errors);
    }

    private static void InRange(double value, double min, double max, string key, ConfigurationErrors errors)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add(key, $"must be between {min} and {max} (is {value})");
        }
    }

    private static void Positive(int value, string key, ConfigurationErrors errors)
    {
        if (value <= 0)
        {
            errors.Add(key, $"must be a positive number (is {value})");
        }
    }

    private static void CountryCodes(string[] codes, string key, ConfigurationErrors errors)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code is null || code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
            {
                errors.Add($"{key}:{i}", $"'{code}' is not a two-letter ISO 3166-1 country code");
            }
        }
    }
}
