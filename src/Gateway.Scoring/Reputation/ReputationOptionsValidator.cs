using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Reputation;

/// <summary>Checks every setting and reports each problem with its configuration key.</summary>
internal static class ReputationOptionsValidator
{
    public const int MaxLists = 64;
    private const int MaxNameLength = 64;

    /// <returns>True when no problem was found.</returns>
    public static bool Validate(ReputationOptions options, ConfigurationErrors errors, string section)
    {
        var before = errors.Errors.Count;
        var lists = options.Lists ?? [];
        if (lists.Count > MaxLists)
        {
            errors.Add($"{section}:Lists", $"{lists.Count} lists configured; at most {MaxLists} are supported.");
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lists.Count; i++)
        {
            var key = $"{section}:Lists:{i}";
            var list = lists[i];
            if (list is null)
            {
                errors.Add(key, "list entry is empty.");
                continue;
            }
            ValidateIdentifier(errors, $"{key}:Name", "Name", list.Name);
            if (!string.IsNullOrEmpty(list.Name) && !names.Add(list.Name))
            {
                errors.Add($"{key}:Name", $"duplicate list name '{list.Name}' (names are compared ignoring case).");
            }
            ValidateIdentifier(errors, $"{key}:Category", "Category", list.Category);
            if (string.IsNullOrWhiteSpace(list.Path))
            {
                errors.Add($"{key}:Path", "Path is required.");
            }
            if (!(list.Weight >= 0 && list.Weight <= 1))
            {
                errors.Add($"{key}:Weight", $"Weight must be within [0, 1]; got {list.Weight}.");
            }
            if (!Enum.IsDefined(list.Format))
            {
                errors.Add($"{key}:Format", $"unknown Format {(int)list.Format}; use Auto, Plain or Ipsum.");
            }
            if (list.MinCount < 1)
            {
                errors.Add($"{key}:MinCount", $"MinCount must be at least 1; got {list.MinCount}.");
            }
        }
        return errors.Errors.Count == before;
    }

    private static void ValidateIdentifier(ConfigurationErrors errors, string key, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(key, $"{field} is required.");
            return;
        }
        if (value.Length > MaxNameLength)
        {
            errors.Add(key, $"{field} is longer than {MaxNameLength} characters.");
            return;
        }
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                errors.Add(key, $"{field} '{SafeText.Sanitise(value)}' may only contain letters, digits, '.', '_' and '-'.");
                return;
            }
        }
    }
}
