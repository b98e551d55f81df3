using Gateway.Scoring.Configuration;
using Gateway.Scoring.Policy;

namespace Gateway.Scoring.Profile;

/// <summary>Loads the configured application profiles once at startup and hands each policy the one it names.</summary>
internal static class ProfileCatalog
{
    public static void Attach(
        IReadOnlyDictionary<string, AppProfileOptions> profiles,
        IReadOnlyDictionary<string, PolicyOptions> policyOptions,
        PolicyCatalog policies,
        AssetPaths paths,
        ConfigurationErrors errors,
        string section)
    {
        var loaded = new Dictionary<string, AppProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, options) in profiles)
        {
            var discount = options.ConformingContentDiscount;
            if (!(discount >= 0 && discount <= AppProfileOptions.MaxConformingContentDiscount))
            {
                errors.Add($"{section}:Profiles:{name}:ConformingContentDiscount",
                    $"must be between 0 and {AppProfileOptions.MaxConformingContentDiscount} (log-odds), not {discount}.");
            }
            var key = $"{section}:Profiles:{name}:Path";
            if (string.IsNullOrWhiteSpace(options.Path))
            {
                errors.Add(key, "is required: the profile file to load.");
                continue;
            }
            var file = paths.Resolve(options.Path);
            if (!File.Exists(file))
            {
                errors.Add(key, "profile file not found.", file);
                continue;
            }
            if (AppProfileFile.Load(file, errors, key) is { } profile)
            {
                profile.ConformingContentDiscount = discount;
                loaded[name] = profile;
            }
        }
        foreach (var (policyName, options) in policyOptions)
        {
            if (options.Profile is not { Length: > 0 } profileName)
            {
                continue;
            }
            if (!profiles.ContainsKey(profileName))
            {
                errors.Add($"{section}:Policies:{policyName}:Profile", $"names profile '{SafeText.Sanitise(profileName)}', which is not defined under {section}:Profiles.");
                continue;
            }
            if (loaded.TryGetValue(profileName, out var profile) && policies.TryGet(policyName, out var compiled))
            {
                compiled.Profile = profile;
            }
        }
    }
}
