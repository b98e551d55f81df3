namespace Gateway.Scoring.Content;

/// <summary>Sizes of the request as sent (before decoding), within the bounds the extractor reads.</summary>
internal struct RawShape
{
    public int PathLength;
    /// <summary>Query and body together: the same payload is as long as a GET query or as a form body.</summary>
    public int ArgumentsLength;
    public ArgumentShape Arguments;
}
