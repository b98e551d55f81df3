using System.Text.Json.Serialization;

namespace Gateway.Scoring.Profile;

/// <summary>The JSON form of an <see cref="AppProfile"/> (<c>app-profile-v1</c>), written by the learner and read at startup.</summary>
internal sealed class AppProfileDocument
{
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("learned_from")] public string? LearnedFrom { get; set; }
    [JsonPropertyName("requests")] public int Requests { get; set; }
    [JsonPropertyName("min_observations")] public int MinObservations { get; set; }
    [JsonPropertyName("prefixes")] public List<string>? Prefixes { get; set; }
    [JsonPropertyName("paths")] public SortedDictionary<string, PathDocument>? Paths { get; set; }

    internal sealed class PathDocument
    {
        [JsonPropertyName("observations")] public int Observations { get; set; }
        [JsonPropertyName("methods")] public List<string>? Methods { get; set; }
        [JsonPropertyName("fields")] public SortedDictionary<string, FieldDocument>? Fields { get; set; }
    }

    internal sealed class FieldDocument
    {
        [JsonPropertyName("observations")] public int Observations { get; set; }
        /// <summary><see cref="CharacterClasses.Bits"/> as 16 hex digits.</summary>
        [JsonPropertyName("classes")] public string? Classes { get; set; }
        [JsonPropertyName("max_length")] public int MaxLength { get; set; }
        [JsonPropertyName("values")] public List<string>? Values { get; set; }
        [JsonPropertyName("shapes")] public List<string>? Shapes { get; set; }
        /// <summary>Absent in files written before formats were learned: then no format check.</summary>
        [JsonPropertyName("formats")] public List<string>? Formats { get; set; }
        /// <summary><see cref="FieldProfile.Singular"/> as 16 hex digits; absent means none.</summary>
        [JsonPropertyName("singular")] public string? Singular { get; set; }
    }
}
