namespace Gateway.Scoring.Profile;

/// <summary>Receives what <see cref="RequestFields"/> finds in one request, decoded.</summary>
internal interface IFieldVisitor
{
    void Path(ReadOnlySpan<char> path);

    void Field(ReadOnlySpan<char> name, ReadOnlySpan<char> value);
}
