using System.Collections.Frozen;

namespace Gateway.Scoring.Profile;

/// <summary>What one parameter of one path was seen to carry in benign traffic.</summary>
/// <param name="Values">Every value, when there were few (an enumeration such as a mode or a button); else null.</param>
/// <param name="Shapes">Every <see cref="ValueShape"/>, when there were few (dates, codes, e-mail addresses); else null.</param>
/// <param name="Singular">Punctuation that most values held exactly once and none held twice (the <c>@</c> of an
/// e-mail address): a value holding one of them twice is malformed.</param>
/// <param name="Formats">Every <see cref="ValueShape.WriteFormat"/> (run lengths too), when there were few (ids, postal codes); else null.</param>
internal sealed record FieldProfile(
    int Observations,
    CharacterClasses Classes,
    int MaxLength,
    FrozenSet<string>? Values,
    FrozenSet<string>? Shapes,
    FrozenSet<string>? Formats = null,
    CharacterClasses Singular = default)
{
    /// <summary>
    /// Skeletons (<see cref="ValueShape.WriteSkeleton"/>) that two or more of <see cref="Shapes"/> share: places
    /// where the traffic showed different punctuation (generated passwords <c>!abc</c>, <c>*abc</c>, <c>-abc</c>).
    /// A new shape with such a skeleton (<c>$abc</c>) is the same pattern with another of the field's own
    /// characters, which the character classes already judge; a skeleton seen with one shape stays strict.
    /// Derived from the shapes, so profile files do not store it.
    /// </summary>
    public FrozenSet<string>? VariedSkeletons { get; } = Varied(Shapes);

    /// <summary>
    /// The formats a value must have, or null. Formats pin codes (postal codes, national ids, card numbers),
    /// which keep their length. A field of digits only that was seen with several lengths is a quantity (a
    /// price of 5, 100 or 1000), whose length follows its value: a price of 79 is not malformed, so its
    /// formats are not checked; its characters and maximum length still are. Decided here rather than by
    /// the learner, so profile files learned before the rule get it too.
    /// </summary>
    public FrozenSet<string>? CheckedFormats { get; } =
        Classes == CharacterClasses.Digits && Formats is { Count: > 1 } ? null : Formats;

    private static FrozenSet<string>? Varied(FrozenSet<string>? shapes)
    {
        if (shapes is null)
        {
            return null;
        }
        var varied = shapes.GroupBy(shape => ValueShape.SkeletonOf(shape), StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToFrozenSet(StringComparer.Ordinal);
        return varied.Count == 0 ? null : varied;
    }
}
