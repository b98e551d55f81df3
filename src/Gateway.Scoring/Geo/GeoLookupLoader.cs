using Gateway.Scoring.Configuration;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Geo;

/// <summary>Loads the configured databases, collecting every problem instead of stopping at the first.</summary>
internal sealed class GeoLookupLoader(AssetPaths paths, string keyPrefix)
{
    private readonly Dictionary<string, GeoDatabase> _opened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public List<(string Key, string Message, string? File)> Problems { get; } = [];

    public List<GeoDatabase> LoadList(string listName, IReadOnlyList<string> configured, GeoDatabaseKind kind)
    {
        var databases = new List<GeoDatabase>(configured.Count);
        for (var i = 0; i < configured.Count; i++)
        {
            var key = $"{keyPrefix}:{listName}:{i}";
            if (string.IsNullOrWhiteSpace(configured[i]))
            {
                Problems.Add((key, "path is empty", null));
                continue;
            }
            var path = paths.Resolve(configured[i]);
            try
            {
                if (!_opened.TryGetValue(path, out var database))
                {
                    database = GeoDatabase.Load(path, Intern);
                    _opened.Add(path, database);
                }
                if (!database.Knows(kind))
                {
                    Problems.Add((key, kind == GeoDatabaseKind.Country
                        ? $"has no country codes (records have neither country.iso_code nor country_code; database_type '{database.Metadata.DatabaseType}')"
                        : $"has no autonomous system numbers (records have no autonomous_system_number; database_type '{database.Metadata.DatabaseType}')", path));
                    continue;
                }
                databases.Add(database);
            }
            catch (MmdbFormatException ex)
            {
                Problems.Add((key, ex.Reason, ex.FilePath));
            }
        }
        return databases;
    }

    /// <summary>Country codes and organisation names repeat across records and databases; keep one copy.</summary>
    private string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }
        _strings.Add(value, value);
        return value;
    }
}
