using System.Collections.Frozen;

namespace Gateway.Scoring.Profile;

/// <summary>What one path of the application was seen to receive.</summary>
internal sealed class PathProfile(int observations, FrozenSet<string> methods, FrozenDictionary<string, FieldProfile> fields)
{
    private readonly FrozenDictionary<string, FieldProfile>.AlternateLookup<ReadOnlySpan<char>> _fieldLookup =
        fields.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Observations { get; } = observations;

    public FrozenSet<string> Methods { get; } = methods;

    public FrozenDictionary<string, FieldProfile> Fields { get; } = fields;

    public FieldProfile? Field(ReadOnlySpan<char> name) => _fieldLookup.TryGetValue(name, out var field) ? field : null;
}
