namespace Gateway.Scoring.Content.Datasets;

/// <summary>One labelled request of a JSONL dataset.</summary>
/// <param name="Query">Query string without the leading <c>?</c>, still percent-encoded.</param>
/// <param name="Body">Body bytes (the JSON string's UTF-8 encoding).</param>
/// <param name="IsAttack">Label: true for an attack.</param>
internal sealed record JsonlRequest(
    string Source,
    int Line,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    bool IsAttack)
{
    public string Target => Query.Length == 0 ? Path : Path + "?" + Query;

    public string? ContentType
    {
        get
        {
            foreach (var header in Headers)
            {
                if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }
            return null;
        }
    }

    public RequestContent ToRequestContent() => new(Method, Target, Body, ContentType);
}
