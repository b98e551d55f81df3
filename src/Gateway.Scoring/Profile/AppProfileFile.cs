using System.Collections.Frozen;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Profile;

/// <summary>Reads and writes <see cref="AppProfile"/> files. A corrupt or foreign file is reported
/// (file, JSON path, what is wrong) and not loaded; nothing half-read is ever served.</summary>
internal static class AppProfileFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Values are shown to people reviewing a profile: keep quotes and '&' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(AppProfile profile, string path, string learnedFrom, int requests)
    {
        var document = new AppProfileDocument
        {
            Format = AppProfile.Format,
            Name = profile.Name,
            LearnedFrom = learnedFrom,
            Requests = requests,
            MinObservations = profile.MinObservations,
            Prefixes = profile.Prefixes.Order(StringComparer.Ordinal).ToList(),
            Paths = new SortedDictionary<string, AppProfileDocument.PathDocument>(StringComparer.Ordinal),
        };
        foreach (var (name, p) in profile.Paths)
        {
            var fields = new SortedDictionary<string, AppProfileDocument.FieldDocument>(StringComparer.Ordinal);
            foreach (var (fieldName, f) in p.Fields)
            {
                fields[fieldName] = new AppProfileDocument.FieldDocument
                {
                    Observations = f.Observations,
                    Classes = f.Classes.Bits.ToString("x16", CultureInfo.InvariantCulture),
                    MaxLength = f.MaxLength,
                    Values = f.Values?.Order(StringComparer.Ordinal).ToList(),
                    Shapes = f.Shapes?.Order(StringComparer.Ordinal).ToList(),
                    Formats = f.Formats?.Order(StringComparer.Ordinal).ToList(),
                    Singular = f.Singular.IsEmpty ? null : f.Singular.Bits.ToString("x16", CultureInfo.InvariantCulture),
                };
            }
            document.Paths[name] = new AppProfileDocument.PathDocument
            {
                Observations = p.Observations,
                Methods = p.Methods.Order(StringComparer.Ordinal).ToList(),
                Fields = fields,
            };
        }
        File.WriteAllText(path, JsonSerializer.Serialize(document, WriteOptions) + "\n");
    }

    /// <returns>The profile, or null with every problem in <paramref name="errors"/> under <paramref name="key"/>.</returns>
    public static AppProfile? Load(string path, ConfigurationErrors errors, string key)
    {
        AppProfileDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize<AppProfileDocument>(stream);
        }
        catch (JsonException e)
        {
            errors.Add(key, $"not a valid profile: {e.Message}", path);
            return null;
        }
        catch (IOException e)
        {
            errors.Add(key, $"cannot read the profile: {e.Message}", path);
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            errors.Add(key, $"cannot read the profile: {e.Message}", path);
            return null;
        }
        if (document is null || document.Format != AppProfile.Format)
        {
            errors.Add(key, $"format is '{SafeText.Sanitise(document?.Format ?? "")}', expected '{AppProfile.Format}'.", path);
            return null;
        }
        var before = errors.Errors.Count;
        if (document.MinObservations < 1)
        {
            errors.Add(key, "min_observations must be at least 1.", path);
        }
        var paths = new Dictionary<string, PathProfile>(StringComparer.Ordinal);
        foreach (var (name, p) in document.Paths ?? [])
        {
            if (!name.StartsWith('/') || p.Observations < 1 || p.Methods is not { Count: > 0 })
            {
                errors.Add(key, $"path '{SafeText.Sanitise(name)}' needs a leading '/', observations >= 1 and methods.", path);
                continue;
            }
            var fields = new Dictionary<string, FieldProfile>(StringComparer.Ordinal);
            foreach (var (fieldName, f) in p.Fields ?? [])
            {
                ulong singular = 0;
                if (f.Observations < 1 || f.MaxLength < 0
                    || !ulong.TryParse(f.Classes, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits)
                    || (f.Singular is not null && !ulong.TryParse(f.Singular, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out singular)))
                {
                    errors.Add(key, $"field '{SafeText.Sanitise(fieldName)}' of path '{SafeText.Sanitise(name)}' needs observations >= 1, max_length >= 0 and hex classes (and hex singular, when present).", path);
                    continue;
                }
                fields[fieldName] = new FieldProfile(f.Observations, new CharacterClasses(bits), f.MaxLength,
                    f.Values?.ToFrozenSet(StringComparer.Ordinal), f.Shapes?.ToFrozenSet(StringComparer.Ordinal),
                    f.Formats?.ToFrozenSet(StringComparer.Ordinal), new CharacterClasses(singular));
            }
            paths[name] = new PathProfile(p.Observations, p.Methods.ToFrozenSet(StringComparer.Ordinal),
                fields.ToFrozenDictionary(StringComparer.Ordinal));
        }
        if (errors.Errors.Count > before)
        {
            return null;
        }
        return new AppProfile(document.Name ?? Path.GetFileNameWithoutExtension(path), document.MinObservations,
            paths.ToFrozenDictionary(StringComparer.Ordinal),
            (document.Prefixes ?? []).ToFrozenSet(StringComparer.Ordinal));
    }
}
