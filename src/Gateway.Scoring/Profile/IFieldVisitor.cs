namespace Gateway.Scoring.Profile;

/// <summary>Receives what <see cref="RequestFields"/> finds in one request, decoded.</summary>
internal interface IFieldVisitor
{
    void Path(ReadOnlySpan<char> path);

    void Field(ReadOnlySpan<char> name, ReadOnlySpan<char> value);

    /// <summary>Part of the request that the content model reads but the walk cannot split into named
    /// fields: a body that is neither a form nor JSON, a JSON string outside any key.</summary>
    void Unread();
}
