namespace Gateway.Scoring.Content.Datasets;

/// <summary>One request of the CSIC 2010 HTTP dataset, as recorded.</summary>
/// <param name="Source">File name the request came from.</param>
/// <param name="Line">One-based line of its request line.</param>
/// <param name="Uri">Request URI as recorded (absolute, sometimes malformed).</param>
/// <param name="Target">Origin-form target derived from <paramref name="Uri"/> (see <see cref="CsicReader"/>).</param>
/// <param name="Headers">Headers in file order. Kept for the record only: they are capture artefacts, never features.</param>
/// <param name="Body">Exactly <c>Content-Length</c> bytes; empty when the request has none.</param>
internal sealed record CsicRequest(
    string Source,
    int Line,
    string Method,
    string Uri,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public string? ContentType => Header("Content-Type");

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }

    public RequestContent ToRequestContent() => new(Method, Target, Body, ContentType);
}
